import type { Locale, MessageKey, Translate } from '../../../platform/i18n/i18n.ts'
import { dateTimeFormat } from '../../../platform/i18n/intl.ts'
import type { Figure, Figures, PublishedMetric } from '../publication.ts'
import { shown } from '../suppression.ts'

/** « novembre 2026 » */
export function monthName(month: string, locale: Locale): string {
  return dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T12:00:00Z`))
}

export const show = (f: Figure) => shown(f.value, f.hidden)

export const COLUMN_KEYS: Record<PublishedMetric, MessageKey> = {
  posted: 'bilan.column.posted',
  answered: 'bilan.column.answered',
  fulfilled: 'bilan.column.fulfilled',
  volunteers: 'bilan.column.volunteers',
}

const METRICS: PublishedMetric[] = ['posted', 'answered', 'fulfilled', 'volunteers']

/** A table's columns: what the row is, then the four figures. */
export function columns(t: Translate, first: MessageKey): string[] {
  return [t(first), ...METRICS.map((m) => t(COLUMN_KEYS[m]))]
}

/** A table's row: its label, then the four figures as published (« < 5 » when hidden). */
export function row(label: string, figures: Figures): string[] {
  return [label, ...METRICS.map((m) => show(figures[m]))]
}
