import type { Locale, Translate } from '../../../../platform/i18n/i18n.ts'
import { dateTimeFormat } from '../../../../platform/i18n/intl.ts'
import type { StaffRole } from '../../identity/account.schema.ts'
import { ROLE_LABEL } from '../staff.ts'

/** « mars 2026 »: when an account was made, without more precision than staff need. */
export function formatMonth(date: Date, locale: Locale): string {
  return dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(date)
}

export function roleNames(t: Translate, roles: readonly StaffRole[]): string {
  return roles.length > 0 ? roles.map((r) => t(ROLE_LABEL[r])).join(', ') : t('staff.role.resident')
}
