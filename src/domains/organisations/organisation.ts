import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { parsePhone } from '../../platform/phone-numbers.ts'
import type { Issue } from '../../platform/validation.ts'
import {
  type AidStructureType,
  aidStructureTypes,
  type ContactKind,
  contactKinds,
  type OrganisationKind,
  organisationKinds,
} from './organisation.schema.ts'

export const NAME_MAX = 120
export const DESCRIPTION_MAX = 4000
export const CONTACT_MAX = 300

/** What a form or an API call sends, as typed. */
export interface OrganisationInput {
  name: string
  kind: string
  aidType: string
  /** the SIRET or the RNA number, or nothing */
  registration: string
  description: string
  contactKind: string
  contactValue: string
}

/** The checked values, ready to store (the commune is read apart: it needs the territory). */
export interface OrganisationFields {
  name: string
  kind: OrganisationKind
  aidType: AidStructureType | null
  siret: string | null
  rna: string | null
  description: string
  contactKind: ContactKind
  contactValue: string
}

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T =>
  (values as readonly string[]).includes(v)

/** Luhn over the digits, from the right, doubling every second one. */
function luhnOk(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** La Poste's establishments share one SIREN and do not follow Luhn: their digits sum to a multiple of 5. */
const LA_POSTE_SIREN = '356000000'

export function siretProblem(digits: string): MessageKey | null {
  if (!/^\d{14}$/.test(digits)) return 'organisation.siret.length'
  if (digits.startsWith(LA_POSTE_SIREN)) {
    const sum = [...digits].reduce((s, d) => s + Number(d), 0)
    return sum % 5 === 0 ? null : 'organisation.siret.key'
  }
  return luhnOk(digits) ? null : 'organisation.siret.key'
}

/**
 * Reads the registration number as people type it (« 552 100 554 00013 », « w751234567 »): a
 * SIRET (14 digits) or an RNA number (W and 9 digits). Spaces are allowed, nothing else.
 */
export function readRegistration(
  raw: string,
): { siret: string | null; rna: string | null } | { problem: MessageKey } {
  const text = raw.replace(/[\s\u00a0]/g, '')
  if (text === '') return { siret: null, rna: null }
  if (/^[wW]/.test(text)) {
    return /^[wW]\d{9}$/.test(text)
      ? { siret: null, rna: text.toUpperCase() }
      : { problem: 'organisation.rna.format' }
  }
  if (!/^\d+$/.test(text)) return { problem: 'organisation.registration.invalid' }
  const problem = siretProblem(text)
  return problem ? { problem } : { siret: text, rna: null }
}

const EMAIL_SHAPE = /^[^\s@<>,;"()[\]\\]+@[^\s@<>,;"()[\]\\]+\.[^\s@<>,;"()[\]\\.]+$/

/** A French or overseas number (« 02 31 12 34 56 ») or an international one with +, kept in E.164. */
export function normalisePhone(raw: string): string | null {
  const parsed = parsePhone(raw)
  return parsed.kind === 'ok' ? parsed.e164 : null
}

/** A web address people may follow: http or https, a real host name, nothing a page could run. */
export function normaliseWebsite(raw: string): string | null {
  const text = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`
  if (/[\s<>"'`\\]/.test(text)) return null
  try {
    const url = new URL(text)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
    if (url.username || url.password || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname)) return null
    return url.href
  } catch {
    return null
  }
}

function contact(kind: ContactKind, raw: string): { value: string } | { problem: MessageKey } {
  if (raw === '') return { problem: 'organisation.contact.required' }
  if (raw.length > CONTACT_MAX) return { problem: 'organisation.contact.invalid' }
  if (kind === 'email')
    return EMAIL_SHAPE.test(raw) ? { value: raw } : { problem: 'organisation.contact.email' }
  if (kind === 'phone') {
    const phone = normalisePhone(raw)
    return phone ? { value: phone } : { problem: 'organisation.contact.phone' }
  }
  const site = normaliseWebsite(raw)
  return site ? { value: site } : { problem: 'organisation.contact.website' }
}

/** Bidirectional overrides and invisible marks would let a name pass for another one. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
const clean = (s: string) => s.replace(INVISIBLE, '').normalize('NFC').trim()

/** Checks every field but the commune; the issues name the field they are about. */
export function checkOrganisation(input: OrganisationInput): {
  value: OrganisationFields | null
  issues: Issue[]
} {
  const issues: Issue[] = []
  const name = clean(input.name).replace(/\s+/g, ' ')
  if (name === '') issues.push({ field: 'name', key: 'organisation.name.required' })
  else if (name.length > NAME_MAX)
    issues.push({ field: 'name', key: 'organisation.name.tooLong', params: { max: NAME_MAX } })
  const kind = input.kind
  if (!isOneOf(organisationKinds, kind)) issues.push({ field: 'kind', key: 'organisation.kind.required' })
  const aidType = kind === 'aid-structure' ? input.aidType : ''
  if (kind === 'aid-structure' && !isOneOf(aidStructureTypes, aidType))
    issues.push({ field: 'aidType', key: 'organisation.aidType.required' })
  const registration = readRegistration(input.registration)
  if ('problem' in registration) issues.push({ field: 'registration', key: registration.problem })
  const description = clean(input.description)
  if (description === '') issues.push({ field: 'description', key: 'organisation.description.required' })
  else if (description.length > DESCRIPTION_MAX)
    issues.push({
      field: 'description',
      key: 'organisation.description.tooLong',
      params: { max: DESCRIPTION_MAX },
    })
  const contactKind = input.contactKind
  let contactValue = ''
  if (!isOneOf(contactKinds, contactKind))
    issues.push({ field: 'contactKind', key: 'organisation.contactKind.required' })
  else {
    const checked = contact(contactKind, clean(input.contactValue))
    if ('problem' in checked) issues.push({ field: 'contactValue', key: checked.problem })
    else contactValue = checked.value
  }
  if (
    issues.length > 0 ||
    'problem' in registration ||
    !isOneOf(organisationKinds, kind) ||
    !isOneOf(contactKinds, contactKind)
  )
    return { value: null, issues }
  return {
    value: {
      name,
      kind,
      aidType: kind === 'aid-structure' ? (aidType as AidStructureType) : null,
      siret: registration.siret,
      rna: registration.rna,
      description,
      contactKind,
      contactValue,
    },
    issues,
  }
}

/** Staff decisions, and the status each one starts from: a decision taken elsewhere meanwhile is refused. */
export const decisions = {
  verify: { from: ['pending'], to: 'verified' },
  refuse: { from: ['pending'], to: 'refused' },
  suspend: { from: ['verified'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'verified' },
} as const
export type Decision = keyof typeof decisions
export const isDecision = (v: string): v is Decision => Object.hasOwn(decisions, v)

/** The short list of reasons offered beside the free text. */
export const decisionReasons = [
  'unknown-register',
  'not-free',
  'documents',
  'duplicate',
  'conduct',
  'other',
] as const
export type DecisionReason = (typeof decisionReasons)[number]
export const REASON_TEXT_MAX = 1000

/** A refusal or a suspension needs a reason; « other » needs words. */
export function checkReason(
  decision: Decision,
  reason: string,
  text: string,
): { value: { code: DecisionReason | null; text: string } | null; issues: Issue[] } {
  const words = clean(text)
  const issues: Issue[] = []
  const needed = decision === 'refuse' || decision === 'suspend'
  const code = isOneOf(decisionReasons, reason) ? reason : null
  if (reason !== '' && !code) issues.push({ field: 'reason', key: 'organisation.reason.required' })
  else if (needed && !code) issues.push({ field: 'reason', key: 'organisation.reason.required' })
  if (words.length > REASON_TEXT_MAX)
    issues.push({
      field: 'reasonText',
      key: 'organisation.reasonText.tooLong',
      params: { max: REASON_TEXT_MAX },
    })
  else if (code === 'other' && words === '')
    issues.push({ field: 'reasonText', key: 'organisation.reasonText.required' })
  return issues.length > 0 ? { value: null, issues } : { value: { code, text: words }, issues }
}
