import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { Issue } from '../../platform/validation.ts'
import type { SanctionKind, SanctionReason } from './moderation.schema.ts'
import type { AppealRow, SanctionRow } from './sanction.repository.ts'

/** Long enough to explain oneself, short enough for another moderator to read in one go. */
export const STATEMENT_MAX = 2000
export const ANSWER_MAX = 2000

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** What each kind of decision did, in the words the person reads. */
export const KIND_LABEL = {
  reject: 'appeal.kind.reject',
  change: 'appeal.kind.change',
  hide: 'appeal.kind.hide',
  warn: 'appeal.kind.warn',
  suspend: 'appeal.kind.suspend',
  ban: 'appeal.kind.ban',
} as const satisfies Record<SanctionKind, MessageKey>

export const REASON_LABEL = {
  commerce: 'appeal.reason.commerce',
  'money-request': 'appeal.reason.moneyRequest',
  scam: 'appeal.reason.scam',
  abuse: 'appeal.reason.abuse',
  harassment: 'appeal.reason.harassment',
  danger: 'appeal.reason.danger',
  'personal-data': 'appeal.reason.personalData',
  'off-topic': 'appeal.reason.offTopic',
  impersonation: 'appeal.reason.impersonation',
  other: 'appeal.reason.other',
} as const satisfies Record<SanctionReason, MessageKey>

/** Where a sanction stands for the person: what the list of their decisions says of each. */
export type SanctionState =
  | 'in-force'
  | 'definitive'
  | 'over'
  | 'lifted-on-appeal'
  | 'appealed'
  | 'upheld'
  | 'decided'

export const STATE_LABEL = {
  'in-force': 'appeal.state.inForce',
  definitive: 'appeal.state.definitive',
  over: 'appeal.state.over',
  'lifted-on-appeal': 'appeal.state.liftedOnAppeal',
  appealed: 'appeal.state.appealed',
  upheld: 'appeal.state.upheld',
  decided: 'appeal.state.decided',
} as const satisfies Record<SanctionState, MessageKey>

export function sanctionState(sanction: SanctionRow, appeal: AppealRow | null, now: Date): SanctionState {
  if (appeal?.status === 'granted') return 'lifted-on-appeal'
  if (appeal?.status === 'open') return 'appealed'
  if (appeal?.status === 'upheld') return 'upheld'
  if (sanction.liftedAt) return 'over'
  if (sanction.kind === 'ban') return 'definitive'
  if (sanction.kind === 'suspend') return sanction.endsAt && sanction.endsAt <= now ? 'over' : 'in-force'
  return 'decided'
}

/** A person may contest a decision once, unless it was already lifted on appeal. */
export function mayAppeal(sanction: SanctionRow, appeal: AppealRow | null): boolean {
  return appeal === null && !(sanction.liftedAt && sanction.liftedBy)
}

/** A required text of at most `max` characters, line breaks kept and outer spaces trimmed. */
function requiredText(
  value: string,
  field: string,
  max: number,
  keys: { required: MessageKey; tooLong: MessageKey },
): { text: string; issues: Issue[] } {
  const text = value.replace(/\r\n?/g, '\n').trim()
  // Zero-width and byte-order characters alone are no statement: nobody can read them.
  if (text.replace(/[\u200b-\u200f\u2060\ufeff\s]/g, '') === '')
    return { text, issues: [{ field, key: keys.required }] }
  if (text.length > max) return { text, issues: [{ field, key: keys.tooLong, params: { max } }] }
  return { text, issues: [] }
}

export function checkStatement(value: string, field = 'statement') {
  return requiredText(value, field, STATEMENT_MAX, {
    required: 'appeal.statement.required',
    tooLong: 'appeal.statement.tooLong',
  })
}

export const appealDecisions = ['granted', 'upheld'] as const
export type AppealDecision = (typeof appealDecisions)[number]

export function checkAnswer(input: { decision: string; answer: string }): {
  decision: AppealDecision | null
  answer: string
  issues: Issue[]
} {
  const decision = (appealDecisions as readonly string[]).includes(input.decision)
    ? (input.decision as AppealDecision)
    : null
  const { text, issues } = requiredText(input.answer, 'answer', ANSWER_MAX, {
    required: 'appealReview.answer.required',
    tooLong: 'appealReview.answer.tooLong',
  })
  if (!decision) issues.unshift({ field: 'decision', key: 'appealReview.decision.required' })
  return { decision, answer: text, issues }
}
