import type { Locale } from '../i18n/i18n.ts'
import type {
  LocalisedText,
  ReviewPolicy,
  TerritoryLegalDetails,
  TerritoryNameForms,
} from './territory.schema.ts'

export type { LocalisedText, ReviewPolicy, TerritoryLegalDetails, TerritoryNameForms }

export interface Territory {
  id: string
  slug: string
  departements: string[]
  officialName: string
  platformName: string
  presentation: LocalisedText
  logoUrl: string | null
  /** the institution's own site (https), linked from the header and the footer */
  institutionUrl: string | null
  /** how sentences name the territory (« du Calvados », « au Département du Calvados »), never missing */
  nameForms: TerritoryNameForms
  /** what the legal pages are filled from; a missing field shows as « to complete » to staff */
  legalDetails: TerritoryLegalDetails
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
  /** which new listings wait for a moderator before they are published */
  reviewPolicy: ReviewPolicy
  /** hours after which an unanswered ask enters the dispatch list (phone-line asks enter at once) */
  dispatchDelayHours: number
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
