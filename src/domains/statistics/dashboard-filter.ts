import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { dateTimeFormat } from '../../platform/i18n/intl.ts'
import type { Issue } from '../../platform/validation.ts'
import type { MonthRange } from './figures.ts'

/** The dashboard's address parameters, as a GET form and its links send them. */
export interface DashboardQuery {
  du?: string | undefined
  au?: string | undefined
  commune?: string | undefined
  categorie?: string | undefined
}

/** Longer ranges would read more rows than a page view should, and nobody reports over them. */
export const MAX_MONTHS = 120
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const FIRST_YEAR = 2000

/** 'YYYY-MM' of a moment in Europe/Paris, where the rollups cut their months. */
export function parisMonth(at: Date): string {
  const parts = dateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}`
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** How many months from `from` to `to`, both included. */
export function monthCount(range: MonthRange): number {
  const [fy, fm] = range.from.split('-').map(Number) as [number, number]
  const [ty, tm] = range.to.split('-').map(Number) as [number, number]
  return ty * 12 + tm - (fy * 12 + fm) + 1
}

/** Every month from `from` to `to`, newest first, for the period's selects. */
export function monthsDown(from: string, to: string): string[] {
  const out: string[] = []
  for (let m = to; m >= from && out.length <= MAX_MONTHS * 2; m = addMonths(m, -1)) out.push(m)
  return out
}

export interface Preset {
  key: MessageKey
  months: MonthRange
}

/** « 12 derniers mois », « Cette année », « Depuis le début » (from the first figures, at most ten years). */
export function presets(now: string, first: string | null): Preset[] {
  const sinceStart = first && first <= now ? first : now
  const floor = addMonths(now, -(MAX_MONTHS - 1))
  return [
    { key: 'dashboard.preset.last12', months: { from: addMonths(now, -11), to: now } },
    { key: 'dashboard.preset.thisYear', months: { from: `${now.slice(0, 4)}-01`, to: now } },
    {
      key: 'dashboard.preset.sinceStart',
      months: { from: sinceStart < floor ? floor : sinceStart, to: now },
    },
  ]
}

/**
 * The period asked for, or the issues that make it unusable: a month that is not one (or is in the
 * future, or before 2000), a start after the end, more than ten years. Absent: the last 12 months.
 */
export function checkPeriod(
  query: DashboardQuery,
  now: string,
): { months: MonthRange | null; issues: Issue[] } {
  const issues: Issue[] = []
  const read = (field: 'du' | 'au', fallback: string): string | null => {
    const text = (query[field] ?? '').trim()
    if (text === '') return fallback
    const match = MONTH.exec(text)
    if (!match || Number(match[1]) < FIRST_YEAR || text > now) {
      issues.push({ field, key: field === 'du' ? 'dashboard.error.from' : 'dashboard.error.to' })
      return null
    }
    return text
  }
  const from = read('du', addMonths(now, -11))
  const to = read('au', now)
  if (!from || !to) return { months: null, issues }
  if (from > to) return { months: null, issues: [{ field: 'au', key: 'dashboard.error.order' }] }
  if (monthCount({ from, to }) > MAX_MONTHS)
    return { months: null, issues: [{ field: 'du', key: 'dashboard.error.tooLong', params: { years: 10 } }] }
  return { months: { from, to }, issues }
}

/** The same filter as address parameters, for the exports' links and the presets. */
export function filterQuery(f: { months: MonthRange; commune?: string; category?: string }): string {
  const params = new URLSearchParams({ du: f.months.from, au: f.months.to })
  if (f.commune) params.set('commune', f.commune)
  if (f.category) params.set('categorie', f.category)
  return params.toString()
}
