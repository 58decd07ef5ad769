import { dateTimeFormat } from '../../platform/i18n/intl.ts'

/**
 * Wall-clock times in Europe/Paris, where missions happen, turned into instants and back. Slots
 * are stored in UTC; « samedi 9 h » must stay 9 h on both sides of a change to or from summer time.
 */

const parts = dateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** The local day and time of an instant in Paris. */
export function parisParts(at: Date): {
  year: number
  month: number
  day: number
  hour: number
  minute: number
} {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]))
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
  }
}

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const p = parisParts(at)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000)
}

/**
 * The instant of a Paris wall-clock time. The offset is taken twice: once at a guess, once at the
 * answer, so a time just after the change of hour gets the offset that holds then. A time that does
 * not exist (2 h 30 on the last Sunday of March) comes out an hour later, as clocks show it.
 */
export function parisInstant(year: number, month: number, day: number, hour: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  const first = wall - offsetMinutes(new Date(wall)) * 60_000
  return new Date(wall - offsetMinutes(new Date(first)) * 60_000)
}

/** « 2026-04-02 » or « 02/04/2026 », a real date, as numbers. */
export function parseLocalDay(text: string): { year: number; month: number; day: number } | null {
  const t = text.trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t)
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t)
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : []
  if (!y) return null
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) return null
  return { year: Number(y), month: Number(m), day: Number(d) }
}

/** « 09:00 », « 9:00 », « 9h », « 9 h 30 » as hour and minute. */
export function parseLocalTime(text: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?$/i.exec(text.trim())
  if (!m) return null
  const hour = Number(m[1])
  const minute = m[2] === undefined ? 0 : Number(m[2])
  if (hour > 23 || minute > 59) return null
  return { hour, minute }
}

/** ISO weekday (1 = Monday) of a calendar day. */
export function isoWeekday(year: number, month: number, day: number): number {
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1
}

/** « 2026-04-02 » of an instant, in Paris. */
export function parisDay(at: Date): string {
  const p = parisParts(at)
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

/** « 09:00 » of an instant, in Paris. */
export function parisTime(at: Date): string {
  const p = parisParts(at)
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
}
