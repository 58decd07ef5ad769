import type { Locale } from '../i18n/i18n.ts'
import { dateTimeFormat } from '../i18n/intl.ts'

/** A day as people read it in France: « 2 avril 2026 », whatever the server's time zone. */
export function localDay(date: Date, locale: Locale): string {
  return dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Paris',
  }).format(date)
}

/** « 2026-04-02 » (how the presenter gives days) shown as a local day. */
export function showDay(day: string | null, locale: Locale): string {
  return day ? localDay(new Date(`${day}T12:00:00Z`), locale) : ''
}
