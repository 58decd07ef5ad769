import { dateTimeFormat } from '../../platform/i18n/intl.ts'
import type { Listing } from '../listings/index.ts'

const HOUR_MS = 3_600_000
const DAY_CODES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
/** An ask whose date is this close is urgent, whatever its age. */
export const SOON_MS = 48 * HOUR_MS

/** The half-day ('tue-am') a moment falls in, as lived in France. */
export function halfDayOf(at: Date): string {
  const parts = dateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const weekday = parts
    .find((p) => p.type === 'weekday')!
    .value.toLowerCase()
    .slice(0, 3)
  const hour = Number(parts.find((p) => p.type === 'hour')!.value)
  const day = DAY_CODES.find((d) => d === weekday) ?? 'mon'
  return `${day}-${hour < 13 ? 'am' : 'pm'}`
}

/**
 * The half-days an ask needs someone on: those its date or period covers (a week at most, every
 * half-day of the week beyond), none when it said no date (then availability neither helps nor harms).
 */
export function askHalfDays(listing: Pick<Listing, 'whenKind' | 'whenStart' | 'whenEnd'>): string[] {
  if ((listing.whenKind !== 'date' && listing.whenKind !== 'period') || !listing.whenStart) return []
  const start = listing.whenStart.getTime()
  const end = Math.min(listing.whenEnd?.getTime() ?? start, start + 7 * 24 * HOUR_MS)
  const found = new Set<string>()
  for (let at = start; at <= end; at += 12 * HOUR_MS) found.add(halfDayOf(new Date(at)))
  found.add(halfDayOf(new Date(end)))
  return [...found]
}

/** The ask's date is near (or it said « aujourd'hui »): it comes before older ones. */
export function isUrgent(listing: Pick<Listing, 'urgency' | 'whenStart'>, now: Date): boolean {
  if (listing.urgency === 'today') return true
  return listing.whenStart !== null && listing.whenStart.getTime() - now.getTime() <= SOON_MS
}

/**
 * The list's order: urgent asks first (the nearest date first), then the oldest; at equal age a
 * relayed ask first, its person having no other way to look for help.
 */
export function compareAsks(now: Date) {
  return (a: Listing, b: Listing): number => {
    const ua = isUrgent(a, now)
    const ub = isUrgent(b, now)
    if (ua !== ub) return ua ? -1 : 1
    if (ua && ub) {
      const da = a.whenStart?.getTime() ?? now.getTime()
      const db = b.whenStart?.getTime() ?? now.getTime()
      if (da !== db) return da - db
    }
    const pa = a.publishedAt?.getTime() ?? 0
    const pb = b.publishedAt?.getTime() ?? 0
    if (pa !== pb) return pa - pb
    if (a.relayed !== b.relayed) return a.relayed ? -1 : 1
    return a.id < b.id ? -1 : 1
  }
}

/** Hours since publication, for « depuis 3 jours ». */
export function ageHours(listing: Pick<Listing, 'publishedAt'>, now: Date): number {
  return Math.max(
    0,
    Math.floor((now.getTime() - (listing.publishedAt?.getTime() ?? now.getTime())) / HOUR_MS),
  )
}
