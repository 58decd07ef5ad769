import type { VNode } from 'preact'
import type { MessageKey, Translate } from '../../platform/i18n/i18n.ts'
import { numberFormat } from '../../platform/i18n/intl.ts'
import type { ViewContext } from '../../platform/views/context.ts'
import type { BilanFigures, BilanFilter } from './figures.ts'
import { shown } from './suppression.ts'

/** A commune of the territory as the map and the tables need it. */
export interface PlacedCommune {
  name: string
  lon: number
  lat: number
}

/** Everything the sections and the exports read: the figures, and the names they are shown with. */
export interface DashboardData {
  filter: BilanFilter
  figures: BilanFigures
  /** category id → name in the reader's language */
  categoryNames: Map<string, string>
  /** INSEE code → the territory's commune */
  communes: Map<string, PlacedCommune>
  /** outcome code → label, in the order the owning domain lists them */
  callOutcomes: { code: string; label: string }[]
  caseOutcomes: { code: string; label: string }[]
  /** the active volunteers figure of the filter is a small count that must not be told */
  volunteersHidden: boolean
  /** communes whose active volunteers are not told (small counts and what would give them away) */
  hiddenCommunes: Set<string>
}

/** One figure of a section: what the page shows, and what the exports write (a number when there is one). */
export interface FigureRow {
  label: string
  /** null when hidden or when there is nothing to measure (a median without any answer) */
  value: number | null
  shown: string
  note?: string
}

/** A metric's total over the filter; `volunteers.active` is the distinct active volunteers. */
export const total = (d: DashboardData, metric: string): number =>
  metric === ACTIVE ? d.figures.activeVolunteers : (d.figures.totals.get(metric) ?? 0)
export const ACTIVE = 'volunteers.active'

export function count(label: string, value: number): FigureRow {
  return { label, value, shown: formatNumber(value) }
}

/** A count that may be a small one: hidden, it is written « < 5 » in the page and the exports. */
export function smallCount(label: string, value: number, hidden: boolean): FigureRow {
  return { label, value: hidden ? null : value, shown: shown(value, hidden) }
}

export function share(t: Translate, label: string, part: number, whole: number): FigureRow {
  if (whole === 0) return { label, value: null, shown: t('dashboard.none') }
  const percent = Math.round((part / whole) * 1000) / 10
  return { label, value: percent, shown: formatPercent(percent) }
}

/** « environ 5 h », « environ 3 jours »: the histogram's bands make anything finer a pretence. */
export function aboutHours(t: Translate, hours: number | null): string {
  if (hours === null) return t('dashboard.none')
  if (hours < 1) return t('dashboard.median.underHour')
  if (hours < 48) return t('dashboard.median.hours', { hours: Math.round(hours) })
  return t('dashboard.median.days', { days: Math.round(hours / 24) })
}

export function median(t: Translate, label: string, hours: number | null): FigureRow {
  return {
    label,
    value: hours === null ? null : Math.round(hours * 10) / 10,
    shown: aboutHours(t, hours),
  }
}

export const formatNumber = (n: number): string => numberFormat('fr-FR').format(n)
export const formatPercent = (p: number): string =>
  `${numberFormat('fr-FR', { maximumFractionDigits: 1 }).format(p)} %`

export function categoryName(t: Translate, d: DashboardData, id: string): string {
  if (id === '?') return t('dashboard.category.none')
  return d.categoryNames.get(id) ?? t('dashboard.category.unknown')
}

export function communeName(t: Translate, d: DashboardData, insee: string): string {
  if (insee === '?') return t('dashboard.commune.unknown')
  return d.communes.get(insee)?.name ?? insee
}

/** What each section's component receives. */
export interface SectionProps {
  ctx: ViewContext
  data: DashboardData
  /** the section's own figures (its `figures`), already formatted */
  rows: FigureRow[]
  /** the filter as address parameters, for links that keep it */
  query: string
  /** « voir toutes » asked for the communes' table */
  allCommunes: boolean
}

/**
 * One section of the dashboard: a feature adds its own entry to `sections.ts` without touching
 * the others. A section whose metrics are all zero says « Rien sur cette période ».
 */
export interface Section {
  id: string
  heading: MessageKey
  /** the metrics whose totals tell whether the section has anything to say */
  metrics: readonly string[]
  /** its headline figures: shown by its component, written in the exports' first table */
  figures?: (t: Translate, d: DashboardData) => FigureRow[]
  View: (props: SectionProps) => VNode | null
}
