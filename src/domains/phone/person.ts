import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { parsePhone } from '../../platform/phone-numbers.ts'
import type { Issue } from '../../platform/validation.ts'
import { type SharedContact, sharedContacts } from './phone.schema.ts'

// The rules of a person's record, without the database: what an agent must type during the call.

export const NAME_MAX = 80
export const ADDRESS_MAX = 300
export const CALL_TIMES_MAX = 300
export const ANSWERED_BY_MAX = 300
export const CONSENT_MAX = 2000

/** Letters of any language, with the spaces, apostrophes, hyphens and dots of real names. */
const NAME_SHAPE = /^[\p{L}\p{M}][\p{L}\p{M}' ’.-]*(?: [\p{L}\p{M}' ’.-]+)*$/u

export interface PersonFields {
  firstName: string
  lastName: string
  /** E.164 */
  phone: string
  communeInsee: string
  address: string | null
  callTimes: string | null
  answeredBy: string | null
  sharedContact: SharedContact
  consentWording: string
}

/** What a form sends, before the commune is resolved (that needs the territory's communes). */
export interface PersonInput {
  firstName: unknown
  lastName: unknown
  phone: unknown
  address: unknown
  callTimes: unknown
  answeredBy: unknown
  sharedContact: unknown
  consentWording: unknown
}

const text = (raw: unknown) => (typeof raw === 'string' ? raw.normalize('NFC').trim() : '')

function checkName(issues: Issue[], field: string, raw: unknown, required: MessageKey): string {
  const name = text(raw).replace(/\s+/g, ' ')
  if (name === '') issues.push({ field, key: required })
  else if (name.length > NAME_MAX)
    issues.push({ field, key: 'phone.error.tooLong', params: { max: NAME_MAX } })
  else if (!NAME_SHAPE.test(name)) issues.push({ field, key: 'phone.error.nameShape' })
  return name
}

function optional(issues: Issue[], field: string, raw: unknown, max: number): string | null {
  const value = text(raw)
  if (value.length > max) issues.push({ field, key: 'phone.error.tooLong', params: { max } })
  return value === '' ? null : value
}

/**
 * Checks every field but the commune and gives each problem in French; the record is written only
 * when there is none. The consent is the wording read to the person: it cannot be empty.
 */
export function checkPerson(input: PersonInput): {
  fields: Omit<PersonFields, 'communeInsee'>
  issues: Issue[]
} {
  const issues: Issue[] = []
  const firstName = checkName(issues, 'firstName', input.firstName, 'phone.error.firstNameRequired')
  const lastName = checkName(issues, 'lastName', input.lastName, 'phone.error.lastNameRequired')
  const parsed = parsePhone(text(input.phone))
  if (parsed.kind === 'empty') issues.push({ field: 'phone', key: 'phone.error.phoneRequired' })
  if (parsed.kind === 'invalid') issues.push({ field: 'phone', key: 'phone.error.phoneInvalid' })
  const address = optional(issues, 'address', input.address, ADDRESS_MAX)
  const callTimes = optional(issues, 'callTimes', input.callTimes, CALL_TIMES_MAX)
  const answeredBy = optional(issues, 'answeredBy', input.answeredBy, ANSWERED_BY_MAX)
  const shared = text(input.sharedContact) || 'line'
  const sharedContact = (sharedContacts as readonly string[]).includes(shared)
    ? (shared as SharedContact)
    : null
  if (!sharedContact) issues.push({ field: 'sharedContact', key: 'phone.error.sharedContact' })
  const consentWording = text(input.consentWording)
  if (consentWording === '') issues.push({ field: 'consentWording', key: 'phone.error.consentRequired' })
  else if (consentWording.length > CONSENT_MAX)
    issues.push({ field: 'consentWording', key: 'phone.error.tooLong', params: { max: CONSENT_MAX } })
  return {
    fields: {
      firstName,
      lastName,
      phone: parsed.kind === 'ok' ? parsed.e164 : '',
      address,
      callTimes,
      answeredBy,
      sharedContact: sharedContact ?? 'line',
      consentWording,
    },
    issues,
  }
}
