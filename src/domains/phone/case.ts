import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { Issue } from '../../platform/validation.ts'
import type { CaseRow } from './case.repository.ts'
import type { PersonRow } from './person.repository.ts'
import {
  type CallResult,
  type CaseOrigin,
  type CaseOutcome,
  callResults,
  caseOutcomes,
} from './phone.schema.ts'

// The rules of the line's cases without the database: the queue's order, the agents' entries.

export const NOTE_MAX = 2000
export const DELAY_MIN_HOURS = 1
export const DELAY_MAX_HOURS = 720
export const DEFAULT_DELAY_HOURS = 48
const HOUR_MS = 3_600_000

/**
 * What the agent reads to the caller when none is set for the territory: what is kept, who sees
 * it, what a volunteer receives, and how to withdraw.
 */
export const DEFAULT_CONSENT_WORDING =
  'Pour vous aider, nous enregistrons votre nom, votre numéro de téléphone, votre commune et, si vous le souhaitez, votre adresse et vos horaires d’appel. Seuls les agents de l’accueil téléphonique du Département les voient. Quand un bénévole propose son aide, nous vous appelons d’abord ; s’il est retenu, il reçoit seulement votre prénom et le numéro que vous aurez choisi. Vous pouvez retirer votre accord à tout moment en nous appelant. Êtes-vous d’accord ?'

/** Why an agent opens a person's record: the audit log keeps the code, never free text. */
export const viewReasons = ['follow-up', 'call-in', 'volunteer-call', 'check'] as const
export type ViewReason = (typeof viewReasons)[number]
export const viewReasonKeys: Record<ViewReason, MessageKey> = {
  'follow-up': 'phone.reason.followUp',
  'call-in': 'phone.reason.callIn',
  'volunteer-call': 'phone.reason.volunteerCall',
  check: 'phone.reason.check',
}
export const viewReasonOf = (raw: unknown): ViewReason =>
  (viewReasons as readonly unknown[]).includes(raw) ? (raw as ViewReason) : 'follow-up'

/** Why a consent is withdrawn, kept as a code in the audit log. */
export const withdrawalReasons = ['asked', 'deceased', 'moved', 'other'] as const
export type WithdrawalReason = (typeof withdrawalReasons)[number]
export const withdrawalReasonKeys: Record<WithdrawalReason, MessageKey> = {
  asked: 'phone.withdraw.reason.asked',
  deceased: 'phone.withdraw.reason.deceased',
  moved: 'phone.withdraw.reason.moved',
  other: 'phone.withdraw.reason.other',
}

export const outcomeKeys: Record<CaseOutcome, MessageKey> = {
  helped: 'phone.outcome.helped',
  'no-longer-needed': 'phone.outcome.noLongerNeeded',
  redirected: 'phone.outcome.redirected',
  'no-volunteer': 'phone.outcome.noVolunteer',
  unreachable: 'phone.outcome.unreachable',
  other: 'phone.outcome.other',
}

export const callResultKeys: Record<CallResult, MessageKey> = {
  reached: 'phone.call.reached',
  'no-answer': 'phone.call.noAnswer',
  'message-left': 'phone.call.messageLeft',
}

export const originKeys: Record<CaseOrigin, MessageKey> = {
  call: 'phone.origin.call',
  'needs-help': 'phone.origin.needsHelp',
  concern: 'phone.origin.concern',
  unanswered: 'phone.origin.unanswered',
}

const text = (raw: unknown) =>
  typeof raw === 'string' ? raw.normalize('NFC').replace(/\r\n?/g, '\n').trim() : ''
const oneOf = <T extends string>(values: readonly T[], raw: unknown): T | null =>
  (values as readonly unknown[]).includes(raw) ? (raw as T) : null

/** A note of the timeline: required when it is all the entry says. */
export function checkNote(raw: unknown, required: boolean, issues: Issue[], field = 'note'): string | null {
  const note = text(raw)
  if (note === '' && required) issues.push({ field, key: 'phone.error.noteRequired' })
  else if (note.length > NOTE_MAX)
    issues.push({ field, key: 'phone.error.tooLong', params: { max: NOTE_MAX } })
  return note || null
}

/** A call made or received: how it went, and what was said. */
export function checkCall(input: { direction: unknown; result: unknown; note: unknown }) {
  const issues: Issue[] = []
  const direction = oneOf(['out', 'in'] as const, input.direction)
  if (!direction) issues.push({ field: 'direction', key: 'phone.error.direction' })
  const result = oneOf(callResults, input.result)
  if (!result) issues.push({ field: 'result', key: 'phone.error.callResult' })
  const note = checkNote(input.note, false, issues)
  return { direction: direction ?? 'out', result: result ?? 'reached', note, issues }
}

export function checkClosing(input: { outcome: unknown; note: unknown }) {
  const issues: Issue[] = []
  const outcome = oneOf(caseOutcomes, input.outcome)
  if (!outcome) issues.push({ field: 'outcome', key: 'phone.error.outcome' })
  const note = checkNote(input.note, false, issues, 'closingNote')
  return { outcome: outcome ?? 'other', note, issues }
}

export function checkWithdrawal(raw: unknown) {
  const reason = oneOf(withdrawalReasons, raw)
  const issues: Issue[] = reason ? [] : [{ field: 'reason', key: 'phone.error.withdrawReason' }]
  return { reason: reason ?? 'other', issues }
}

/** The line's settings as an administrator types them. */
export function checkSettings(input: { delay: unknown; consentWording: unknown }, consentMax: number) {
  const issues: Issue[] = []
  const raw = text(input.delay)
  const delay = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(delay >= DELAY_MIN_HOURS && delay <= DELAY_MAX_HOURS))
    issues.push({
      field: 'delay',
      key: 'phone.error.delay',
      params: { min: DELAY_MIN_HOURS, max: DELAY_MAX_HOURS },
    })
  const wording = text(input.consentWording)
  if (wording.length > consentMax)
    issues.push({ field: 'consentWording', key: 'phone.error.tooLong', params: { max: consentMax } })
  return { delay: Number.isNaN(delay) ? DEFAULT_DELAY_HOURS : delay, consentWording: wording || null, issues }
}

/** « Jeanne L. »: what the volunteer learns of the person's name. */
export function relayNameOf(person: Pick<PersonRow, 'firstName' | 'lastName'>): string {
  const initial = [...person.lastName.replace(/^[^\p{L}]+/u, '')][0] ?? ''
  return initial ? `${person.firstName} ${initial.toUpperCase()}.` : person.firstName
}

export type QueueGroup = 'alert' | 'decide' | 'late' | 'other'
export const queueGroups: readonly QueueGroup[] = ['alert', 'decide', 'late', 'other']

/**
 * Where a case stands in the queue: alerts raised by callers first, then responses waiting for
 * the agent's call, then asks still without a response after the territory's delay, then the rest.
 */
export function queueGroupOf(
  c: Pick<CaseRow, 'origin' | 'listingId' | 'openedAt'>,
  responses: { firstAt: Date; pending: number } | undefined,
  now: Date,
  delayHours: number,
): QueueGroup {
  if (c.origin === 'concern' || c.origin === 'unanswered') return 'alert'
  if ((responses?.pending ?? 0) > 0) return 'decide'
  if (c.listingId && !responses && now.getTime() - c.openedAt.getTime() >= delayHours * HOUR_MS) return 'late'
  return 'other'
}
