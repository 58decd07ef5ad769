import type { Locale, Translate } from '../../platform/i18n/i18n.ts'
import { dateTimeFormat } from '../../platform/i18n/intl.ts'
import { parisTime } from './paris-time.ts'

const dayFormats = {
  fr: dateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'Europe/Paris' }),
  en: dateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'Europe/Paris' }),
}

/** « samedi 4 avril 2026 de 09:00 à 12:00 », in Paris whatever the server's zone. */
export function slotLabel(slot: { startsAt: Date; endsAt: Date }, t: Translate, locale: Locale): string {
  return t('mission.slot.label', {
    day: dayFormats[locale].format(slot.startsAt),
    start: parisTime(slot.startsAt),
    end: parisTime(slot.endsAt),
  })
}

/** « samedi 4 avril 2026 à 09:00 »: when a slot starts. */
export function slotStartLabel(startsAt: Date, t: Translate, locale: Locale): string {
  return t('mission.slot.start', { day: dayFormats[locale].format(startsAt), start: parisTime(startsAt) })
}

/** « 2 places sur 3 restantes » or « Complet ». */
export function placesLabel(slot: { places: number; taken: number }, t: Translate): string {
  const left = slot.places - slot.taken
  if (left <= 0) return t('mission.slot.full')
  return t(left === 1 ? 'mission.slot.leftOne' : 'mission.slot.left', { left, places: slot.places })
}
