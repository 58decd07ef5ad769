import type { Locale } from '../../platform/i18n/i18n.ts'
import { dateTimeFormat, numberFormat } from '../../platform/i18n/intl.ts'
import type { Issue } from '../../platform/validation.ts'
import { parseDay } from '../listings/index.ts'

/** « 1 000 » as French writes it (a narrow no-break space), « 1,000 » in English. */
export function formatCount(n: number, locale: Locale = 'fr'): string {
  return numberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(n)
}

/** « 12,5 km »: commune centroids are no more precise than a tenth of a kilometre. */
export function formatKm(km: number, locale: Locale = 'fr'): string {
  return `${numberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(km)} km`
}

/** Today in Paris, as « 2026-12-07 ». */
export function parisToday(now: Date): string {
  return dateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now)
}

/** « lundi 7 décembre 2026 » (or its English) for a stored day. */
export function frenchDay(day: string, locale: Locale = 'fr'): string {
  return dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`))
}

/** The day from which requesters may collect: today when left empty, never past, within a year. */
export function collectDay(text: string, today: string): string | Issue {
  if (text.trim() === '') return today
  const day = parseDay(text.slice(0, 20))
  if (!day) return { field: 'collectFrom', key: 'demand.collectFrom.invalid' }
  const iso = day.toISOString().slice(0, 10)
  if (iso < today) return { field: 'collectFrom', key: 'demand.collectFrom.past' }
  const limit = new Date(`${today}T12:00:00Z`)
  limit.setUTCFullYear(limit.getUTCFullYear() + 1)
  if (iso > limit.toISOString().slice(0, 10)) return { field: 'collectFrom', key: 'demand.collectFrom.far' }
  return iso
}
