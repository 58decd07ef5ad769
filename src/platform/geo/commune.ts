import type { MessageKey, Params, Translate } from '../i18n/i18n.ts'
import { normaliseCommuneName } from './normalise.ts'

/** A current commune of France, as the shipped reference data describes it. */
export interface Commune {
  insee: string
  name: string
  postalCodes: string[]
  departement: string
  population: number
  latitude: number
  longitude: number
  /** the former communes that now belong to it (merged, déléguées, associées), when there are any */
  formerNames?: readonly string[]
  /** on a search's answer only: the former name it was found by, which the person typed */
  formerName?: string
}

/** Longer than any commune name with its postal code; what is longer is not a search. */
export const COMMUNE_QUERY_MAX = 100
export const COMMUNE_LIMIT_MAX = 50
export const COMMUNE_LIMIT_DEFAULT = 10

/** INSEE codes: five digits, or 2A/2B and three digits in Corsica. */
export const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/
export const INSEE_PATTERN = '^(\\d{5}|2[AB]\\d{3})$'

/** What a search asks for, once the typed text is understood. */
export type CommuneQuery =
  | { kind: 'postal'; prefix: string }
  | { kind: 'name'; text: string }
  /** nothing searchable was typed (spaces, punctuation, emoji…): the answer is an empty list */
  | { kind: 'empty' }

/**
 * The text the field shows and the server reads back: « Caen (14000) ». Given a translator, a
 * commune found by a former name says so, for whoever knew it by that name: « Condé-en-Normandie
 * (14110) — ancienne commune de Condé-sur-Noireau ».
 */
export function communeLabel(
  commune: Pick<Commune, 'name' | 'postalCodes' | 'formerName'>,
  t?: Translate,
): string {
  const postal = commune.postalCodes[0]
  const label = postal ? `${commune.name} (${postal})` : commune.name
  if (!t || !commune.formerName) return label
  const { key, name } = formerOf(commune.formerName)
  return `${label} — ${t(key, { name })}`
}

/**
 * French puts « de » before a name as « de Condé-sur-Noireau », « d'Écots », « du Mesnil-Simon »,
 * « des Moutiers-Hubert » or « de La Chapelle-Engerbold »: each is its own message, so that the
 * grammar stays in the message tables and English reads « formerly Le Mesnil-Simon ».
 */
export function formerOf(formerName: string): { key: MessageKey; name: string } {
  if (formerName.startsWith('Le ')) return { key: 'commune.formerOfLe', name: formerName.slice(3) }
  if (formerName.startsWith('Les ')) return { key: 'commune.formerOfLes', name: formerName.slice(4) }
  if (/^[AEIOUYÀÂÉÈÊÎÏÔÛŒ]/i.test(formerName)) return { key: 'commune.formerOfVowel', name: formerName }
  return { key: 'commune.formerOf', name: formerName }
}

/**
 * Reads back a label the field showed; null when the text is not one. What follows the postal
 * code after a dash only explains the choice (a former name), so it is not read.
 */
export function parseCommuneLabel(text: string): { name: string; postalCode: string } | null {
  const match = /^(.*\S)\s*\((\d{5})\)\s*(?:[—–-]\s*[^()]*)?$/.exec(text.trim())
  return match ? { name: match[1]!, postalCode: match[2]! } : null
}

export function parseCommuneQuery(query: string): CommuneQuery {
  const label = parseCommuneLabel(query)
  const text = normaliseCommuneName(label ? label.name : query)
  if (text === '') return { kind: 'empty' }
  // « 14000 » or « 14 0 »: a postal code, whole or its beginning.
  const digits = text.replace(/ /g, '')
  if (/^\d+$/.test(digits)) return digits.length <= 5 ? { kind: 'postal', prefix: digits } : { kind: 'empty' }
  return { kind: 'name', text }
}

/** The one rule on what people type; the message key says why, in their language. */
export function communeQueryProblem(query: string): { key: MessageKey; params: Params } | null {
  if (query.length > COMMUNE_QUERY_MAX)
    return { key: 'commune.error.tooLong', params: { max: COMMUNE_QUERY_MAX } }
  return null
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return COMMUNE_LIMIT_DEFAULT
  return Math.min(COMMUNE_LIMIT_MAX, Math.max(1, Math.trunc(limit)))
}
