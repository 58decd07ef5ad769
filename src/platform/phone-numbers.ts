import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max'

/**
 * Metropolitan France first, then the overseas départements and collectivities, which share the
 * « 0 » national prefix: « 05 90 12 34 56 » is a Guadeloupe number, not an invalid French one.
 */
const NATIONAL_REGIONS: CountryCode[] = ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF']

/** Written numbers are short; anything longer is not a phone number, whatever it holds. */
export const PHONE_INPUT_MAX = 40

export type ParsedPhone = { kind: 'ok'; e164: string } | { kind: 'empty' } | { kind: 'invalid' }

/**
 * Reads a phone number written any way people write them (« 02 61 91 00 02 », « 02.61.91.00.02 »,
 * « +33 2 61 91 00 02 », « 0033 2 61… ») and gives it in E.164, the one form stored.
 */
export function parsePhone(raw: string): ParsedPhone {
  const text = raw.trim()
  if (text === '') return { kind: 'empty' }
  if (text.length > PHONE_INPUT_MAX || !/^[+\d\s.()/-]+$/.test(text)) return { kind: 'invalid' }
  const international = text.startsWith('+') || text.startsWith('00')
  const written = text.startsWith('00') ? `+${text.slice(2)}` : text
  for (const region of international ? [undefined] : NATIONAL_REGIONS) {
    const parsed = parsePhoneNumberFromString(written, region ?? 'FR')
    if (parsed?.isValid()) return { kind: 'ok', e164: parsed.number }
  }
  return { kind: 'invalid' }
}

/** How a number reads to a French person: « 02 61 91 00 02 », or the international form abroad. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164)
  if (!parsed) return e164
  const national = parsed.country !== undefined && NATIONAL_REGIONS.includes(parsed.country)
  return national ? parsed.formatNational() : parsed.formatInternational()
}

/** Whether a stored number can receive an SMS: a mobile (« 06 », « 07 », or an overseas one). */
export function isMobilePhone(e164: string): boolean {
  const type = parsePhoneNumberFromString(e164)?.getType()
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE'
}

/** The `tel:` link of a stored number. */
export function phoneHref(e164: string): string {
  return `tel:${e164}`
}
