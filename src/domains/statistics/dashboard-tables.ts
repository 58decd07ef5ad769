import type { Translate } from '../../platform/i18n/i18n.ts'
import {
  categoryName,
  communeName,
  type DashboardData,
  formatNumber,
  formatPercent,
  type Section,
} from './dashboard-data.ts'
import { BREAKDOWN_METRICS, monthBounds } from './figures.repository.ts'
import { shown } from './suppression.ts'

/** A day, kept apart from text so that a spreadsheet gets a real date. */
export interface DayCell {
  day: string
}
export type Cell = string | number | null | DayCell

/** One of the dashboard's tables, as the page shows it and the exports write it. */
export interface Table {
  id: string
  title: string
  columns: string[]
  rows: Cell[][]
}

export const isDay = (cell: Cell): cell is DayCell => typeof cell === 'object' && cell !== null

/** « 05/01/2026 » */
export const frenchDay = (day: string): string => day.split('-').reverse().join('/')

/** A cell as the page shows it: fr-FR numbers, French days. */
export function shownCell(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return formatNumber(cell)
  if (isDay(cell)) return frenchDay(cell.day)
  return cell
}

/** Every section's headline figures, one row each, under its section's heading. */
export function headlineTable(t: Translate, d: DashboardData, sections: readonly Section[]): Table {
  return {
    id: 'chiffres',
    title: t('dashboard.table.headline'),
    columns: [t('dashboard.col.section'), t('dashboard.col.figure'), t('dashboard.col.value')],
    rows: sections.flatMap((s) =>
      (s.figures?.(t, d) ?? []).map((f): Cell[] => [t(s.heading), f.label, f.value ?? f.shown]),
    ),
  }
}

/** The Mondays whose week the range holds, in order (weeks of no figures included, as zeros). */
export function mondays(d: DashboardData): string[] {
  const { from, toEnd } = monthBounds(d.filter.months)
  const start = new Date(`${from}T00:00:00Z`)
  start.setUTCDate(start.getUTCDate() + ((8 - start.getUTCDay()) % 7))
  const out: string[] = []
  for (const day = start; day.toISOString().slice(0, 10) <= toEnd; day.setUTCDate(day.getUTCDate() + 7))
    out.push(day.toISOString().slice(0, 10))
  return out
}

/** what the weekly trend and the breakdowns show, as `readFigures` reads them */
export const TREND_METRICS = BREAKDOWN_METRICS

export function weeklyTable(t: Translate, d: DashboardData): Table {
  const week = (metric: string, monday: string) => d.figures.weekly.get(metric)?.get(monday) ?? 0
  return {
    id: 'tendances',
    title: t('dashboard.table.weekly'),
    columns: [
      t('dashboard.col.week'),
      t('dashboard.col.weekIso'),
      t('dashboard.col.asksPosted'),
      t('dashboard.col.asksAnswered'),
      t('dashboard.col.asksFulfilled'),
    ],
    rows: mondays(d).map((monday) => [{ day: monday }, monday, ...TREND_METRICS.map((m) => week(m, monday))]),
  }
}

const of = (d: DashboardData, breakdown: 'byCategory' | 'byCommune', metric: string, key: string) =>
  d.figures[breakdown].get(metric)?.get(key) ?? 0

/** Posted, answered, share answered, fulfilled by category; the most asked first. */
export function categoryTable(t: Translate, d: DashboardData): Table {
  const keys = new Set<string>()
  for (const metric of TREND_METRICS)
    for (const k of d.figures.byCategory.get(metric)?.keys() ?? []) keys.add(k)
  const rows = [...keys]
    .map((k) => {
      const posted = of(d, 'byCategory', 'ask.posted', k)
      const answered = of(d, 'byCategory', 'ask.answered', k)
      const percent = posted === 0 ? null : Math.round((answered / posted) * 1000) / 10
      return [categoryName(t, d, k), posted, answered, percent, of(d, 'byCategory', 'ask.fulfilled', k)]
    })
    .sort((a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0]), 'fr'))
  return {
    id: 'categories',
    title: t('dashboard.table.categories'),
    columns: [
      t('dashboard.col.category'),
      t('dashboard.col.asksPosted'),
      t('dashboard.col.asksAnswered'),
      t('dashboard.col.shareAnswered'),
      t('dashboard.col.asksFulfilled'),
    ],
    rows,
  }
}

/** A share in a table of the page: « 42,5 % ». */
export const shownShare = (percent: Cell): string =>
  typeof percent === 'number' ? formatPercent(percent) : shownCell(percent)

/**
 * Asks by commune, the most asked first, with the commune's active volunteers: those `suppress`
 * hid are written « < 5 », so a commune with one volunteer cannot be told.
 */
export function communeTable(t: Translate, d: DashboardData): Table {
  const keys = new Set<string>()
  for (const metric of TREND_METRICS)
    for (const k of d.figures.byCommune.get(metric)?.keys() ?? []) keys.add(k)
  for (const k of d.figures.activeVolunteersByCommune.keys()) keys.add(k)
  const rows = [...keys]
    .map((k): Cell[] => {
      const volunteers = d.figures.activeVolunteersByCommune.get(k) ?? 0
      const hidden = d.hiddenCommunes.has(k)
      return [
        communeName(t, d, k),
        k === '?' ? '' : k,
        of(d, 'byCommune', 'ask.posted', k),
        of(d, 'byCommune', 'ask.answered', k),
        of(d, 'byCommune', 'ask.fulfilled', k),
        hidden ? shown(volunteers, true) : volunteers,
      ]
    })
    .sort((a, b) => (b[2] as number) - (a[2] as number) || String(a[0]).localeCompare(String(b[0]), 'fr'))
  return {
    id: 'communes',
    title: t('dashboard.table.communes'),
    columns: [
      t('dashboard.col.commune'),
      t('dashboard.col.insee'),
      t('dashboard.col.asksPosted'),
      t('dashboard.col.asksAnswered'),
      t('dashboard.col.asksFulfilled'),
      t('dashboard.col.volunteers'),
    ],
    rows,
  }
}
