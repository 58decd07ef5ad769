import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { requireScope } from '../../platform/auth/scopes.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { Locale, MessageKey, Translate } from '../../platform/i18n/i18n.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { ValidationError } from '../../platform/validation.ts'
import {
  accountCard,
  type NotificationType,
  notificationTypes,
  setNotificationFrequency,
} from '../accounts/index.ts'
import {
  countUnread,
  listNotifications,
  markAllRead,
  markRead,
  type NotificationRow,
} from './notification.repository.ts'
import {
  ageOf,
  decodeCursor,
  encodeCursor,
  isPlatformPath,
  isUuid,
  NOTIFICATIONS_PAGE_SIZE,
  safeTarget,
} from './notification.ts'
import { isNotificationKind, kindMessage, readUnsubscribeToken } from './notify.ts'

export interface NotificationView {
  id: string
  kind: string
  /** the sentence in the reader's language; the params inside are plain text, escaped where shown */
  text: string
  params: Record<string, string>
  /** a path of this platform, or null when the stored link is not one */
  link: string | null
  createdAt: Date
  /** « il y a 3 heures » */
  age: string
  read: boolean
}

export interface NotificationPage {
  items: NotificationView[]
  /** the cursor of the next (older) page, or null at the end */
  next: string | null
  unreadCount: number
}

/** Only strings are words to show; anything else in the row is ignored. */
function paramsOf(row: NotificationRow): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [key, value] of Object.entries(row.params ?? {}))
    if (typeof value === 'string') params[key] = value
  return params
}

/** The sentence of a row; a kind no longer known (an older version's) still says something. */
export function sentenceOf(row: NotificationRow, t: Translate): string {
  const key: MessageKey = isNotificationKind(row.type) ? kindMessage(row.type) : 'notifications.kind.unknown'
  return t(key, paramsOf(row))
}

export const typeLabel = (type: NotificationType): MessageKey =>
  notificationTypes.find((n) => n.type === type)!.label

/**
 * The person's own notifications: reading them needs a session or a token with « listings:read »;
 * marking them read too, since it changes nothing but what the same reader has seen.
 */
export class NotificationService {
  constructor(private readonly services: AppServices) {}

  #reader(actor: Actor | null): Actor {
    const me = signedIn(actor)
    requireScope(me, 'listings:read')
    return me
  }

  present(row: NotificationRow, locale: Locale): NotificationView {
    return {
      id: row.id,
      kind: row.type,
      text: sentenceOf(row, translator(locale)),
      params: paramsOf(row),
      link: isPlatformPath(row.link) ? row.link : null,
      createdAt: row.createdAt,
      age: ageOf(row.createdAt, this.services.clock.now(), locale),
      read: row.readAt !== null,
    }
  }

  async list(
    actor: Actor | null,
    territory: Territory,
    locale: Locale,
    cursorText?: string,
  ): Promise<NotificationPage> {
    const me = this.#reader(actor)
    const cursor = cursorText ? decodeCursor(cursorText) : null
    if (cursorText && !cursor)
      throw new ValidationError([{ field: 'cursor', key: 'notifications.error.cursor' }])
    const { db } = this.services.database
    const owner = { territoryId: territory.id, accountId: me.accountId }
    const rows = await listNotifications(db, { ...owner, cursor, limit: NOTIFICATIONS_PAGE_SIZE + 1 })
    const items = rows.slice(0, NOTIFICATIONS_PAGE_SIZE)
    const last = items.at(-1)
    return {
      items: items.map((row) => this.present(row, locale)),
      next: rows.length > NOTIFICATIONS_PAGE_SIZE && last ? encodeCursor(last) : null,
      unreadCount: await countUnread(db, owner),
    }
  }

  /** Marks it read; someone else's, another platform's or an id that is not one: 404, nothing changes. */
  async markRead(actor: Actor | null, territory: Territory, id: string): Promise<NotificationRow> {
    const me = this.#reader(actor)
    if (!isUuid(id)) throw notFound()
    const row = await markRead(
      this.services.database.db,
      { id, territoryId: territory.id, accountId: me.accountId },
      this.services.clock.now(),
    )
    if (!row) throw notFound()
    return row
  }

  /** « Ouvrir »: read, then where it leads — never outside the platform. */
  async open(actor: Actor | null, territory: Territory, id: string): Promise<string> {
    return safeTarget((await this.markRead(actor, territory, id)).link)
  }

  async markAllRead(actor: Actor | null, territory: Territory): Promise<number> {
    const me = this.#reader(actor)
    const owner = { territoryId: territory.id, accountId: me.accountId }
    return markAllRead(this.services.database.db, owner, this.services.clock.now())
  }

  /** The preference a one-click link names, when the token is genuine and its account exists. */
  async unsubscribeTarget(token: string): Promise<NotificationType | null> {
    if (token.length > 200) return null
    const found = readUnsubscribeToken(this.services.config.appSecret, token)
    if (!found || !isUuid(found.accountId)) return null
    const account = await accountCard(this.services.database.db, found.accountId)
    return account ? found.type : null
  }

  /**
   * The one-click unsubscribe (RFC 8058): the token, signed with the app's secret for one account
   * and one type, is the whole authority, so no session or CSRF token is asked. Doing it twice is harmless.
   */
  async unsubscribe(token: string): Promise<NotificationType | null> {
    const found = token.length > 200 ? null : readUnsubscribeToken(this.services.config.appSecret, token)
    if (!found || !isUuid(found.accountId)) return null
    const done = await setNotificationFrequency(
      this.services.database.db,
      found.accountId,
      found.type,
      'none',
    )
    return done ? found.type : null
  }
}
