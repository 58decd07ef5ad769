import { dateTimeFormat } from '../../../platform/i18n/intl.ts'
/** The queue's addresses, in one place for its pages, its links and its tests. */
export const QUEUE = '/administration/moderation'
export const queuePaths = {
  queue: QUEUE,
  item: (id: string) => `${QUEUE}/${id}`,
  read: (id: string) => `${QUEUE}/${id}/lecture`,
  decide: (id: string) => `${QUEUE}/${id}/decision`,
  /** the appeals' own page, built beside the queue */
  appeal: (id: string) => `${QUEUE}/recours/${id}`,
} as const

/** « 14 h 02 » in France, « 14:02 » in English: the hour a claim began, in the territory's time. */
export function clockTime(date: Date, locale: 'fr' | 'en'): string {
  const parts = dateTimeFormat('fr-FR', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Europe/Paris',
  }).formatToParts(date)
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '00'
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00'
  return locale === 'fr' ? `${Number(hour)} h ${minute}` : `${hour}:${minute}`
}

/** How long an item has waited, in whole hours or days. */
export function ageOf(createdAt: Date, now: Date): { unit: 'hours' | 'days'; count: number } {
  const hours = Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / 3_600_000))
  return hours < 48 ? { unit: 'hours', count: hours } : { unit: 'days', count: Math.floor(hours / 24) }
}
