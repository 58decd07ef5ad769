import type { MessageKey, Translate } from '../../platform/i18n/i18n.ts'
import {
  type ReviewCause,
  type ReviewSubject,
  reviewCauses,
  reviewSubjects,
} from '../../platform/review/review.schema.ts'
import type { Issue } from '../../platform/validation.ts'
import { type SanctionKind, type SanctionReason, sanctionReasons } from './moderation.schema.ts'

/** How long opening an item keeps it for the moderator who opened it; reopening renews it. */
export const LEASE_MINUTES = 15
export const PAGE_SIZE = 25
/** The moderator's words sent to the person: long enough to explain, short enough for a mail. */
export const EXPLANATION_MAX = 2000
export const READING_NOTE_MAX = 300
/** How many messages around a reported one a moderator reads, before and after. */
export const AROUND = 3

export const decisions = [
  'publish',
  'reject',
  'change',
  'hide',
  'dismiss',
  'warn',
  'suspend',
  'ban',
  'verify',
  'refuse',
] as const
export type Decision = (typeof decisions)[number]

/** What each decision writes in `review_items.decision`, and its sanction for the person (none for publish and dismiss). */
export const decisionCode: Record<Decision, string> = {
  publish: 'published',
  reject: 'rejected',
  change: 'change-requested',
  hide: 'hidden',
  dismiss: 'dismissed',
  warn: 'warned',
  suspend: 'suspended',
  ban: 'banned',
  verify: 'verified',
  refuse: 'refused',
}
/** Why a report is dismissed, from a short list: kept as a code in the audit and in the item's decision. */
export const dismissReasons = ['unfounded', 'already-handled', 'out-of-scope'] as const
export type DismissReason = (typeof dismissReasons)[number]
export const sanctionOf: Record<Decision, SanctionKind | null> = {
  publish: null,
  reject: 'reject',
  change: 'change',
  hide: 'hide',
  dismiss: null,
  warn: 'warn',
  suspend: 'suspend',
  ban: 'ban',
  verify: null,
  refuse: null,
}

/**
 * The sanction a decision writes for the person an item is about. An organisation's refusal or
 * suspension falls on the organisation, whose managers its own mail tells with the reason; its
 * managers are sanctioned only by a decision about the person (warn, suspend, ban).
 */
export function sanctionFor(kind: ReviewSubject, decision: Decision): SanctionKind | null {
  if (kind === 'organisation' && !personOnly(decision)) return null
  return sanctionOf[decision]
}

/** Decisions about the person alone: their content stays as it is. */
export const personOnly = (d: Decision) => d === 'warn' || d === 'suspend' || d === 'ban'

/** Decisions whose reason and words are required: everything that concerns a person or an organisation. */
const needsWords = (d: Decision) => sanctionOf[d] !== null || d === 'refuse'

/** Decisions on held content: the thing was never published. */
const heldCauses: ReviewCause[] = ['money-wording', 'review-policy']

/** What a moderator may decide on an item, by what it is about and why it waits. */
export function decisionsFor(kind: ReviewSubject, cause: ReviewCause): Decision[] {
  const person: Decision[] = ['warn', 'suspend', 'ban']
  if (kind === 'listing')
    return heldCauses.includes(cause)
      ? ['publish', 'reject', 'change', ...person]
      : ['hide', 'dismiss', ...person]
  if (kind === 'message') return ['hide', 'dismiss', ...person]
  if (kind === 'account') return ['dismiss', ...person]
  // A held mission or need: no « change », since its author's edit publishes it without a moderator.
  if (kind === 'mission' || kind === 'need')
    return heldCauses.includes(cause) ? ['publish', 'reject', ...person] : []
  if (kind === 'organisation')
    return cause === 'verification' ? ['verify', 'refuse'] : ['hide', 'dismiss', ...person]
  // An appeal is decided on the appeals' page.
  return []
}

export const suspensionDays = [1, 3, 7, 30] as const

export const sorts = ['serious', 'newest'] as const
export type Sort = (typeof sorts)[number]

export interface QueueFilter {
  cause: ReviewCause | null
  kind: ReviewSubject | null
  sort: Sort
  page: number
}

const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value)

/** The queue's address parameters, checked: a value outside the lists is a sentence, never a guess. */
export function parseFilter(query: {
  cause?: string | undefined
  kind?: string | undefined
  sort?: string | undefined
  page?: string | undefined
}): { filter: QueueFilter; issues: Issue[] } {
  const issues: Issue[] = []
  const filter: QueueFilter = { cause: null, kind: null, sort: 'serious', page: 1 }
  const cause = query.cause ?? ''
  if (cause !== '') {
    if (oneOf(reviewCauses, cause)) filter.cause = cause
    else issues.push({ field: 'cause', key: 'queue.filter.badCause' })
  }
  const kind = query.kind ?? ''
  if (kind !== '') {
    if (oneOf(reviewSubjects, kind)) filter.kind = kind
    else issues.push({ field: 'kind', key: 'queue.filter.badKind' })
  }
  const sort = query.sort ?? ''
  if (sort !== '') {
    if (oneOf(sorts, sort)) filter.sort = sort
    else issues.push({ field: 'sort', key: 'queue.filter.badSort' })
  }
  const page = query.page ?? ''
  if (page !== '') {
    if (/^[1-9]\d{0,3}$/.test(page)) filter.page = Number(page)
    else issues.push({ field: 'page', key: 'queue.filter.badPage' })
  }
  return { filter, issues }
}

export interface DecisionInput {
  decision: Decision
  reason: SanctionReason | null
  dismissal: DismissReason | null
  explanation: string
  days: number | null
  version: number
}

/**
 * A decision's form, checked before anything is read: a known decision allowed on this item, a
 * reason from the list and the moderator's words for every decision that concerns the person,
 * a duration from the list for a suspension, and the version the moderator saw.
 */
export function checkDecision(
  allowed: readonly Decision[],
  form: {
    decision?: string
    reason?: string
    dismissal?: string
    explanation?: string
    days?: string
    version?: string
  },
): { kind: 'valid'; input: DecisionInput } | { kind: 'invalid'; issues: Issue[] } {
  const issues: Issue[] = []
  const decision = form.decision ?? ''
  if (!oneOf(decisions, decision) || !allowed.includes(decision))
    return { kind: 'invalid', issues: [{ field: 'decision', key: 'decision.error.decision' }] }
  const sanction = needsWords(decision)
  const reasonText = form.reason ?? ''
  let reason: SanctionReason | null = null
  if (oneOf(sanctionReasons, reasonText)) reason = reasonText
  else if (sanction || reasonText !== '') issues.push({ field: 'reason', key: 'decision.error.reason' })
  const explanation = (form.explanation ?? '').trim()
  if (sanction && explanation === '') issues.push({ field: 'explanation', key: 'decision.error.explanation' })
  if (explanation.length > EXPLANATION_MAX)
    issues.push({ field: 'explanation', key: 'decision.error.tooLong', params: { max: EXPLANATION_MAX } })
  const dismissalText = form.dismissal ?? ''
  let dismissal: DismissReason | null = null
  if (oneOf(dismissReasons, dismissalText)) dismissal = dismissalText
  else if (decision === 'dismiss' || dismissalText !== '')
    issues.push({ field: 'dismissal', key: 'decision.error.dismissal' })
  let days: number | null = null
  if (decision === 'suspend') {
    const n = Number(form.days)
    if ((suspensionDays as readonly number[]).includes(n) && /^\d+$/.test(form.days ?? '')) days = n
    else issues.push({ field: 'days', key: 'decision.error.days' })
  }
  const version = form.version ?? ''
  if (!/^\d{1,9}$/.test(version)) issues.push({ field: 'decision', key: 'decision.error.version' })
  if (issues.length > 0) return { kind: 'invalid', issues }
  return {
    kind: 'valid',
    input: { decision, reason, dismissal, explanation, days, version: Number(version) },
  }
}

export const readingReasons = ['report', 'safety', 'appeal', 'other'] as const
export type ReadingReason = (typeof readingReasons)[number]

/** Why a moderator reads a reported message: a reason from the list, and a few words when « other ». */
export function checkReading(form: {
  readingReason?: string
  readingNote?: string
}): { kind: 'valid'; reason: ReadingReason; note: string } | { kind: 'invalid'; issues: Issue[] } {
  const reason = form.readingReason ?? ''
  const note = (form.readingNote ?? '').trim()
  const issues: Issue[] = []
  if (!oneOf(readingReasons, reason))
    issues.push({ field: 'readingReason', key: 'queue.context.reading.error.reason' })
  if (reason === 'other' && note === '')
    issues.push({ field: 'readingNote', key: 'queue.context.reading.error.note' })
  if (note.length > READING_NOTE_MAX)
    issues.push({
      field: 'readingNote',
      key: 'queue.context.reading.error.tooLong',
      params: { max: READING_NOTE_MAX },
    })
  if (issues.length > 0 || !oneOf(readingReasons, reason)) return { kind: 'invalid', issues }
  return { kind: 'valid', reason, note }
}

export const causeKeys: Record<ReviewCause, MessageKey> = {
  'money-wording': 'queue.cause.money-wording',
  'review-policy': 'queue.cause.review-policy',
  report: 'queue.cause.report',
  'repeated-reports': 'queue.cause.repeated-reports',
  verification: 'queue.cause.verification',
  appeal: 'queue.cause.appeal',
}
export const kindKeys: Record<ReviewSubject, MessageKey> = {
  listing: 'queue.kind.listing',
  mission: 'queue.kind.mission',
  need: 'queue.kind.need',
  message: 'queue.kind.message',
  account: 'queue.kind.account',
  organisation: 'queue.kind.organisation',
  appeal: 'queue.kind.appeal',
}
export const decisionKeys: Record<Decision, MessageKey> = {
  publish: 'decision.publish',
  reject: 'decision.reject',
  change: 'decision.change',
  hide: 'decision.hide',
  dismiss: 'decision.dismiss',
  warn: 'decision.warn',
  suspend: 'decision.suspend',
  ban: 'decision.ban',
  verify: 'decision.verify',
  refuse: 'decision.refuse',
}
export const dismissKeys: Record<DismissReason, MessageKey> = {
  unfounded: 'decision.dismissal.unfounded',
  'already-handled': 'decision.dismissal.already-handled',
  'out-of-scope': 'decision.dismissal.out-of-scope',
}
/** What `review_items.decision` keeps: the decision's code, and a dismissal's reason after a colon. */
export function storedDecision(input: Pick<DecisionInput, 'decision' | 'dismissal'>): string {
  const code = decisionCode[input.decision]
  return input.decision === 'dismiss' && input.dismissal ? `${code}:${input.dismissal}` : code
}
export const reasonKeys: Record<SanctionReason, MessageKey> = {
  commerce: 'decision.reason.commerce',
  'money-request': 'decision.reason.money-request',
  scam: 'decision.reason.scam',
  abuse: 'decision.reason.abuse',
  harassment: 'decision.reason.harassment',
  danger: 'decision.reason.danger',
  'personal-data': 'decision.reason.personal-data',
  'off-topic': 'decision.reason.off-topic',
  impersonation: 'decision.reason.impersonation',
  other: 'decision.reason.other',
}
export const readingKeys: Record<ReadingReason, MessageKey> = {
  report: 'queue.context.reading.report',
  safety: 'queue.context.reading.safety',
  appeal: 'queue.context.reading.appeal',
  other: 'queue.context.reading.other',
}

/** A stored decision code said in words; a code this version does not know is shown as it is. */
export function decisionName(t: Translate, code: string | null): string {
  const [head, detail] = (code ?? '').split(':', 2)
  const decision = decisions.find((d) => decisionCode[d] === head)
  if (!decision) return code ?? ''
  const dismissal = dismissReasons.find((r) => r === detail)
  return dismissal ? `${t(decisionKeys[decision])} (${t(dismissKeys[dismissal])})` : t(decisionKeys[decision])
}
