import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { Issue } from '../../platform/validation.ts'
import type { CalloutChannel, CalloutStatus } from './crisis.schema.ts'

export type { CalloutChannel, CalloutStatus }

export const SUBJECT_MAX = 150
export const BODY_MAX = 2000
export const COMMUNES_MAX = 50
/** Recipients written per job step; the next step waits a little, so a large call never floods the mail server. */
export const CALLOUT_BATCH = 50
export const CALLOUT_PAUSE_MS = 2_000
/** Mass calls a territory may send in an hour: a mistake (or a stolen session) cannot spam thousands twice over. */
export const CALLOUT_SEND_LIMIT = { max: 3, windowMs: 3_600_000 }

/** A mass call for volunteers, as stored. */
export interface Callout {
  id: string
  territoryId: string
  crisisId: string | null
  channel: CalloutChannel
  subject: string
  body: string
  categoryIds: string[]
  communes: string[]
  status: CalloutStatus
  reach: number
  sent: number
  createdBy: string | null
  createdAt: Date
  sentAt: Date | null
}

/** The form as typed: communes one per line, categories by id. */
export interface CalloutInput {
  subject: string
  body: string
  categoryIds: string[]
  communes: string
}

/** Subject one line, body plain text: both required and bounded. */
export function checkCalloutTexts(input: CalloutInput, issues: Issue[]) {
  const subject = input.subject.replace(/\s+/g, ' ').trim()
  const body = input.body.replace(/\r\n?/g, '\n').trim()
  if (subject === '') issues.push({ field: 'subject', key: 'callout.error.subjectRequired' })
  else if (subject.length > SUBJECT_MAX)
    issues.push({ field: 'subject', key: 'callout.error.subjectTooLong', params: { max: SUBJECT_MAX } })
  if (body === '') issues.push({ field: 'body', key: 'callout.error.bodyRequired' })
  else if (body.length > BODY_MAX)
    issues.push({ field: 'body', key: 'callout.error.bodyTooLong', params: { max: BODY_MAX } })
  return { subject, body }
}

/** The lines of the communes field, without blanks or repeats. */
export function communeLines(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r\n?|\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ]
}

export const STATUS_LABEL = {
  draft: 'callout.status.draft',
  sending: 'callout.status.sending',
  sent: 'callout.status.sent',
  cancelled: 'callout.status.cancelled',
} as const satisfies Record<CalloutStatus, MessageKey>
