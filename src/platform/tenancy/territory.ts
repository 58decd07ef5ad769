import type { Locale } from '../i18n/i18n.ts'
import type { LocalisedText } from './territory.schema.ts'

export type { LocalisedText }

export interface Territory {
  id: string
  slug: string
  departements: string[]
  officialName: string
  platformName: string
  presentation: LocalisedText
  logoUrl: string | null
  primaryColor: string
  contactEmail: string
  legalNotice: LocalisedText
  charter: LocalisedText
  crisisMode: boolean
  /** the crisis banner's message, while `crisisMode` is on */
  crisisMessage: LocalisedText | null
  /** the Département's phone line (E.164) and its hours, when the territory has one */
  helplinePhone: string | null
  helplineHours: LocalisedText | null
  isDemo: boolean
  hostnames: string[]
}

export function localised(text: LocalisedText, locale: Locale): string {
  return (locale === 'en' && text.en) || text.fr
}

/** Hostnames are compared lower case and without port, as browsers send them. */
export function normaliseHost(host: string): string {
  const lower = host.trim().toLowerCase()
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1)
  return lower.replace(/:\d+$/, '').replace(/\.$/, '')
}
