import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { Issue } from '../../platform/validation.ts'
import {
  type CallCampaignReason,
  type CallFrequency,
  type CallOutcome,
  callCampaignReasons,
  callFrequencies,
  callOutcomes,
} from './calls.schema.ts'

// The rules of the calls register without the database: what a form may send and what it means.

export const TIMES_MAX = 300
export const TOPICS_MAX = 500
export const NOTE_MAX = 1000
export const TITLE_MAX = 120
export const REASON_MAX = 300
export const CALLER_COMMUNES_MAX = 5
export const CAPACITY_MAX = 30
/** how long a caller keeps the person they took from a campaign's queue */
export const LEASE_MS = 15 * 60_000
/** when a person who did not answer is tried again */
export const RETRY_MS = 30 * 60_000
/** unanswered regular calls in a row that alert the agents */
export const UNANSWERED_ALERT = 3

/** The languages a person may ask to be called in, and callers may speak (ISO 639-1). */
export const callLanguages = ['fr', 'en', 'es', 'pt', 'it', 'de', 'ar', 'tr', 'ro', 'pl', 'br', 'oc'] as const
export type CallLanguage = (typeof callLanguages)[number]

const text = (raw: unknown) => (typeof raw === 'string' ? raw.normalize('NFC').trim() : '')

/**
 * Control characters other than line breaks and tabs mean the text was not typed by a person. The
 * HTTP layer refuses them already; this holds for callers in code (crisis mode's campaign title).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

function optional(issues: Issue[], field: string, raw: unknown, max: number): string | null {
  const value = text(raw)
  if (CONTROL.test(value)) issues.push({ field, key: 'calls.error.control' })
  else if (value.length > max) issues.push({ field, key: 'calls.error.tooLong', params: { max } })
  return value === '' ? null : value
}

function oneOf<T extends string>(
  issues: Issue[],
  field: string,
  raw: unknown,
  allowed: readonly T[],
  key: MessageKey,
): T | null {
  const value = text(raw)
  if ((allowed as readonly string[]).includes(value)) return value as T
  issues.push({ field, key })
  return null
}

export interface RegistrationFields {
  frequency: CallFrequency
  preferredTimes: string | null
  topics: string | null
  language: CallLanguage
  /** the separate, unticked-by-default agreement to be passed to the mayor's register */
  mayorRegister: boolean
}

export interface RegistrationInput {
  frequency: unknown
  preferredTimes: unknown
  topics: unknown
  language: unknown
  mayorRegister: unknown
}

/** A box is ticked only when the browser sent its value; anything else is unticked. */
export const ticked = (raw: unknown) => raw === 'oui'

export function checkRegistration(input: RegistrationInput): { fields: RegistrationFields; issues: Issue[] } {
  const issues: Issue[] = []
  const frequency = oneOf(issues, 'frequency', input.frequency, callFrequencies, 'calls.error.frequency')
  const preferredTimes = optional(issues, 'preferredTimes', input.preferredTimes, TIMES_MAX)
  const topics = optional(issues, 'topics', input.topics, TOPICS_MAX)
  const language = oneOf(issues, 'language', input.language || 'fr', callLanguages, 'calls.error.language')
  return {
    fields: {
      frequency: frequency ?? 'weekly',
      preferredTimes,
      topics,
      language: language ?? 'fr',
      mayorRegister: ticked(input.mayorRegister),
    },
    issues,
  }
}

export interface CallerFields {
  languages: CallLanguage[]
  /** as typed, one commune per line or comma; resolved by the service */
  communes: string[]
  availability: string | null
  capacity: number
}

export interface CallerInput {
  languages: unknown
  communes: unknown
  availability: unknown
  capacity: unknown
}

export function checkCaller(input: CallerInput): { fields: CallerFields; issues: Issue[] } {
  const issues: Issue[] = []
  const given = [input.languages].flat().filter((l) => l !== undefined && l !== '')
  const languages = [...new Set(given.map(text))]
  if (languages.length === 0) issues.push({ field: 'languages', key: 'calls.error.languagesRequired' })
  else if (!languages.every((l) => (callLanguages as readonly string[]).includes(l)))
    issues.push({ field: 'languages', key: 'calls.error.language' })
  const communesText = optional(issues, 'communes', input.communes, 400) ?? ''
  const communes = communesText
    .split(/[,;\n]/)
    .map((c) => c.trim())
    .filter((c) => c !== '')
  if (communes.length > CALLER_COMMUNES_MAX)
    issues.push({
      field: 'communes',
      key: 'calls.error.tooManyCommunes',
      params: { max: CALLER_COMMUNES_MAX },
    })
  const availability = optional(issues, 'availability', input.availability, TIMES_MAX)
  const capacityText = text(input.capacity)
  const capacity = /^\d{1,2}$/.test(capacityText) ? Number(capacityText) : Number.NaN
  if (!(capacity >= 1 && capacity <= CAPACITY_MAX))
    issues.push({ field: 'capacity', key: 'calls.error.capacity', params: { max: CAPACITY_MAX } })
  return {
    fields: {
      languages: languages as CallLanguage[],
      communes,
      availability,
      capacity: Number.isNaN(capacity) ? 1 : capacity,
    },
    issues,
  }
}

export function checkOutcome(input: { outcome?: unknown; note?: unknown }): {
  outcome: CallOutcome | null
  note: string | null
  issues: Issue[]
} {
  const issues: Issue[] = []
  const outcome = oneOf(issues, 'outcome', input.outcome, callOutcomes, 'calls.error.outcome')
  const note = optional(issues, 'note', input.note, NOTE_MAX)
  return { outcome, note, issues }
}

export interface CampaignFields {
  title: string
  reason: CallCampaignReason
}

export function checkCampaign(input: { title?: unknown; reason?: unknown }): {
  fields: CampaignFields
  issues: Issue[]
} {
  const issues: Issue[] = []
  const title = text(input.title).replace(/\s+/g, ' ')
  if (title === '') issues.push({ field: 'title', key: 'calls.error.titleRequired' })
  else if (CONTROL.test(title)) issues.push({ field: 'title', key: 'calls.error.control' })
  else if (title.length > TITLE_MAX)
    issues.push({ field: 'title', key: 'calls.error.tooLong', params: { max: TITLE_MAX } })
  const reason = oneOf(issues, 'reason', input.reason, callCampaignReasons, 'calls.error.reason')
  return { fields: { title, reason: reason ?? 'autre' }, issues }
}

/** Why a pairing ends: a few words from the coordinator, required so the history says why. */
export function checkEndReason(raw: unknown): { reason: string; issues: Issue[] } {
  const issues: Issue[] = []
  const reason = optional(issues, 'reason', raw, REASON_MAX) ?? ''
  if (issues.length === 0 && reason === '')
    issues.push({ field: 'reason', key: 'calls.error.reasonRequired' })
  return { reason, issues }
}
