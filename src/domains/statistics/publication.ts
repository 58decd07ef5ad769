/**
 * What the public bilan and the open data publish, decided once for both: the same complete months,
 * the same values, the same cells hidden. Pure: the cells come from `readMonthlyCells`.
 */

import { dateTimeFormat } from '../../platform/i18n/intl.ts'
import { type Equation, suppress } from './suppression.ts'

/** The four figures published for every cell, in the open data's column order. */
export const PUBLISHED_METRICS = ['posted', 'answered', 'fulfilled', 'volunteers'] as const
export type PublishedMetric = (typeof PUBLISHED_METRICS)[number]

/** '*' stands for the whole period (month) or for all communes or categories. */
export const ALL = '*'

/**
 * One month (or ALL: the whole period) × one commune (INSEE code, '?' unknown, or ALL) × one
 * category (id, '?' none, or ALL). Volunteers are distinct people over the cell's months, so they
 * do not add up; the three others do.
 */
export interface MonthlyCell {
  month: string
  commune: string
  category: string
  values: Record<PublishedMetric, number>
}

export interface Figure {
  value: number
  hidden: boolean
}
export type Figures = Record<PublishedMetric, Figure>

export interface Publication {
  /** every complete month published, 'YYYY-MM', oldest first; empty before the first month ends */
  months: string[]
  headline: Figures
  monthly: { month: string; figures: Figures }[]
  /** categories ('?' none) with their figures over the whole period */
  byCategory: { category: string; figures: Figures }[]
  /** communes ('?' unknown) with their figures over the whole period */
  byCommune: { commune: string; figures: Figures }[]
  /** the open data: month × commune × category, only those where something happened */
  cells: { month: string; commune: string; category: string; figures: Figures }[]
  /** what ties the published values together, by key (see `cellKey`) */
  equations: Equation[]
  /** metric → key → value, every one the equations name */
  values: Map<PublishedMetric, Map<string, number>>
  /** metric → the keys shown as « < 5 » */
  hidden: Map<PublishedMetric, Set<string>>
}

export const cellKey = (month: string, commune: string, category: string) => `${month}|${commune}|${category}`

const zero = (): Record<PublishedMetric, number> => ({ posted: 0, answered: 0, fulfilled: 0, volunteers: 0 })

/**
 * The months to publish: every complete month in Europe/Paris from the first one with figures to
 * the one before `currentMonth`, so the month in progress never shows day by day.
 */
export function publishedMonths(firstMonth: string | null, currentMonth: string): string[] {
  const months: string[] = []
  if (firstMonth === null) return months
  for (let m = firstMonth; m < currentMonth; m = nextMonth(m)) months.push(m)
  return months
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** The month of an instant in Europe/Paris, 'YYYY-MM'. */
export function parisMonth(at: Date): string {
  const parts = dateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => Object.assign(acc, { [p.type]: p.value }), {})
  return `${parts.year}-${parts.month}`
}

/** The last day of a month, 'YYYY-MM-DD': the date the figures stand at. */
export function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`
}

/**
 * Every equation a reader could write from what is published: the period's total is the sum of
 * its months, of its categories and of its communes; a month's, a category's and a commune's total
 * is the sum of its cells. Volunteers only obey them as bounds (one person counts in several
 * cells), but hiding by the same rule is the cautious side.
 */
export function publicationEquations(
  months: string[],
  cells: { month: string; commune: string; category: string }[],
): Equation[] {
  const total = cellKey(ALL, ALL, ALL)
  const communes = [...new Set(cells.map((c) => c.commune))]
  const categories = [...new Set(cells.map((c) => c.category))]
  const parts = new Map<string, string[]>()
  const add = (key: string, part: string) => {
    const list = parts.get(key) ?? []
    parts.set(key, list)
    list.push(part)
  }
  for (const c of cells) {
    const key = cellKey(c.month, c.commune, c.category)
    add(cellKey(c.month, ALL, ALL), key)
    add(cellKey(ALL, ALL, c.category), key)
    add(cellKey(ALL, c.commune, ALL), key)
  }
  return [
    { total, parts: months.map((m) => cellKey(m, ALL, ALL)) },
    { total, parts: categories.map((k) => cellKey(ALL, ALL, k)) },
    { total, parts: communes.map((c) => cellKey(ALL, c, ALL)) },
    ...months.map((m) => ({ total: cellKey(m, ALL, ALL), parts: parts.get(cellKey(m, ALL, ALL)) ?? [] })),
    ...categories.map((k) => ({ total: cellKey(ALL, ALL, k), parts: parts.get(cellKey(ALL, ALL, k)) ?? [] })),
    ...communes.map((c) => ({ total: cellKey(ALL, c, ALL), parts: parts.get(cellKey(ALL, c, ALL)) ?? [] })),
  ]
}

/**
 * The publication of `months` from the rollups' cells: values for the headline, each month, each
 * category, each commune and each cell, with every small count hidden and, metric by metric, every
 * value that would let a reader recompute a hidden one by subtraction hidden as well.
 */
export function publish(months: string[], read: MonthlyCell[]): Publication {
  const inRange = new Set(months)
  const byKey = new Map<string, Record<PublishedMetric, number>>()
  for (const c of read) {
    if (c.month !== ALL && !inRange.has(c.month)) continue
    byKey.set(cellKey(c.month, c.commune, c.category), c.values)
  }
  const fine = read.filter(
    (c) =>
      c.month !== ALL &&
      inRange.has(c.month) &&
      c.commune !== ALL &&
      c.category !== ALL &&
      PUBLISHED_METRICS.some((m) => c.values[m] > 0),
  )
  const equations = publicationEquations(months, fine)
  const keys = new Set<string>([cellKey(ALL, ALL, ALL)])
  for (const e of equations) for (const k of [e.total, ...e.parts]) keys.add(k)

  const values = new Map<PublishedMetric, Map<string, number>>()
  const hidden = new Map<PublishedMetric, Set<string>>()
  for (const metric of PUBLISHED_METRICS) {
    const map = new Map<string, number>()
    for (const key of keys) map.set(key, (byKey.get(key) ?? zero())[metric])
    values.set(metric, map)
    hidden.set(metric, suppress(map, equations))
  }
  const figures = (key: string): Figures => {
    const out = {} as Figures
    for (const metric of PUBLISHED_METRICS)
      out[metric] = { value: values.get(metric)!.get(key) ?? 0, hidden: hidden.get(metric)!.has(key) }
    return out
  }
  const communes = [...new Set(fine.map((c) => c.commune))].sort()
  const categories = [...new Set(fine.map((c) => c.category))].sort()
  return {
    months,
    headline: figures(cellKey(ALL, ALL, ALL)),
    monthly: months.map((month) => ({ month, figures: figures(cellKey(month, ALL, ALL)) })),
    byCategory: categories.map((category) => ({ category, figures: figures(cellKey(ALL, ALL, category)) })),
    byCommune: communes.map((commune) => ({ commune, figures: figures(cellKey(ALL, commune, ALL)) })),
    cells: fine
      .map((c) => ({
        month: c.month,
        commune: c.commune,
        category: c.category,
        figures: figures(cellKey(c.month, c.commune, c.category)),
      }))
      .sort((a, b) =>
        cellKey(a.month, a.commune, a.category).localeCompare(cellKey(b.month, b.commune, b.category)),
      ),
    equations,
    values,
    hidden,
  }
}
