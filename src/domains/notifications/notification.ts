import { isLocalPath } from '../../platform/http/local-path.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import { dateTimeFormat, relativeTimeFormat } from '../../platform/i18n/intl.ts'

/** How many notifications a page (or an API call) shows before « voir plus ». */
export const NOTIFICATIONS_PAGE_SIZE = 20
/** The header says « 99+ » beyond this: counting further would only cost time. */
export const UNREAD_COUNT_CAP = 100

/** A notification leads to a page of this platform only (no open redirect). */
export function isPlatformPath(link: string): boolean {
  return isLocalPath(link)
}

/** Where « ouvrir » goes: the notification's page, or the list when the stored link is not one of ours. */
export function safeTarget(link: string): string {
  return isPlatformPath(link) ? link : '/notifications'
}

export interface NotificationCursor {
  createdAt: Date
  id: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const isUuid = (value: string) => UUID.test(value)

/** Keyset position « older than this one », opaque in the address. */
export function encodeCursor(cursor: NotificationCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString('base64url')
}

export function decodeCursor(text: string): NotificationCursor | null {
  if (!/^[\w-]{1,200}$/.test(text)) return null
  const [at, id, extra] = Buffer.from(text, 'base64url').toString('utf8').split('|')
  if (!at || !id || extra !== undefined || !isUuid(id)) return null
  const createdAt = new Date(at)
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id }
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 5],
]

/** « il y a 3 heures », « hier », « il y a 2 semaines »; beyond a month, the day itself. */
export function ageOf(createdAt: Date, now: Date, locale: Locale): string {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB'
  let amount = Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / 60_000))
  const relative = relativeTimeFormat(tag, { numeric: 'auto' })
  if (amount < 1) return relative.format(0, 'second')
  for (const [unit, size] of STEPS) {
    if (amount < size) return relative.format(-amount, unit)
    amount = Math.floor(amount / size)
  }
  return dateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(createdAt)
}
