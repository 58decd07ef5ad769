/** Numbers as people read them in France: « 1 234 », « 12,5 ». */
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })
export const frNumber = (n: number | { valueOf(): number }) => numberFormat.format(Number(n))

// Calendar days: read and shown in UTC, so that the server's time zone never moves a day.
const monthShort = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' })
const monthLong = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const dayMonth = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const dayLong = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/** 'YYYY-MM-DD' as a UTC midnight, or null when it is not a real day. */
export function parseDay(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null
  const date = new Date(`${day}T00:00:00Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date
}

export type Grain = 'week' | 'month'

/** Months when every point is a 1st and they are a month apart or more; weeks otherwise. */
export function grainOf(dates: Date[]): Grain {
  const sorted = [...dates].sort((a, b) => a.getTime() - b.getTime())
  const firsts = sorted.every((d) => d.getUTCDate() === 1)
  const apart = sorted.every(
    (d, i) => i === 0 || d.getTime() - (sorted[i - 1]?.getTime() ?? 0) >= 28 * 86_400_000,
  )
  return firsts && apart ? 'month' : 'week'
}

export function nextPeriod(date: Date, grain: Grain): Date {
  return grain === 'month'
    ? new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1))
    : new Date(date.getTime() + 7 * 86_400_000)
}

/** An axis label: « janv. 2026 » then « févr. », or « 5 janv. 2026 » then « 12 janv. ». */
export function periodTick(date: Date, grain: Grain, withYear: boolean): string {
  const year = withYear ? ` ${date.getUTCFullYear()}` : ''
  return `${(grain === 'month' ? monthShort : dayMonth).format(date)}${year}`
}

/** A period in words, for a mark's tooltip: « janvier 2026 », « semaine du 5 janvier 2026 ». */
export function periodWords(date: Date, grain: Grain): string {
  return grain === 'month' ? monthLong.format(date) : `semaine du ${dayLong.format(date)}`
}

/** At most `count` of `items`, evenly spread, the first always kept. */
export function thin<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items
  const step = Math.ceil(items.length / count)
  return items.filter((_, i) => i % step === 0)
}

/** Roughly how wide a text is drawn at 12 px, to leave margins wide enough for labels. */
export const textWidth = (text: string) => Math.ceil(Array.from(text).length * 6.6)

/** The largest 1, 2 or 5 × 10ⁿ not above `n`: a legend's round value. */
export function roundDown(n: number): number {
  if (!(n > 0)) return 0
  const power = 10 ** Math.floor(Math.log10(n))
  return [5, 2, 1].map((m) => m * power).find((v) => v <= n) ?? power
}
