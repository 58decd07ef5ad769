import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { Issue } from '../../platform/validation.ts'
import { type ReportReason, type ReportTarget, reportReasons, reportTargets } from './report.schema.ts'

export type { ReportReason, ReportTarget }

export const COMMENT_MAX = 1000
const DAY_MS = 86_400_000

/** Enough for a person who meets several problems in a day; bounds a flood of reports from one account. */
export const REPORT_LIMITS = { perDay: { max: 20, windowMs: DAY_MS } } as const

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const isReportTarget = (value: unknown): value is ReportTarget =>
  typeof value === 'string' && (reportTargets as readonly string[]).includes(value)

export const isReportReason = (value: unknown): value is ReportReason =>
  typeof value === 'string' && (reportReasons as readonly string[]).includes(value)

/** The words of each reason, in the order the form offers them. */
export const REASON_LABEL = {
  commerce: 'report.reason.commerce',
  scam: 'report.reason.scam',
  abuse: 'report.reason.abuse',
  danger: 'report.reason.danger',
  other: 'report.reason.other',
} as const satisfies Record<ReportReason, MessageKey>

export interface ReportInput {
  reason: string
  comment: string
}

/** The reason is one of the list; a comment is optional, but says what « autre raison » means. */
export function checkReport(input: ReportInput): {
  reason: ReportReason | null
  comment: string | null
  issues: Issue[]
} {
  const issues: Issue[] = []
  const reason = isReportReason(input.reason) ? input.reason : null
  if (!reason) issues.push({ field: 'reason', key: 'report.reason.required' })
  const comment = input.comment.replace(/\r\n?/g, '\n').trim()
  if (comment.length > COMMENT_MAX)
    issues.push({ field: 'comment', key: 'report.comment.tooLong', params: { max: COMMENT_MAX } })
  else if (reason === 'other' && comment === '')
    issues.push({ field: 'comment', key: 'report.comment.required' })
  return { reason, comment: comment || null, issues }
}

/** What the person is reporting, as they already see it (a listing's title, a message they received). */
export type TargetView =
  | { kind: 'listing'; id: string; title: string; href: string }
  | { kind: 'message'; id: string; senderName: string; body: string; href: string }
  | { kind: 'account'; id: string; displayName: string }
  | { kind: 'organisation'; id: string; name: string; href: string }

/**
 * Who a report's target is about, for the moderation queue: the listing's author, the message's
 * sender, the account itself, nobody for an organisation; and the label the queue shows (a
 * title, a name, never a message's text).
 */
export interface Concerned {
  accountId: string | null
  label: string
}

/** Reports on a person's scams or dangers come first in the queue, the others after them. */
export const reportPriority = (reason: ReportReason): number =>
  reason === 'scam' || reason === 'danger' ? 2 : 1

/** Three different people reporting one person (or their listings, or messages) within this window. */
export const REPEATED_REPORTS = { reporters: 3, windowMs: DAY_MS } as const

/** A report as staff see it in the list. */
export interface OpenReport {
  id: string
  reason: ReportReason
  comment: string | null
  reporterName: string
  createdAt: Date
  target:
    | { kind: 'listing'; id: string; title: string | null }
    | { kind: 'message'; id: string; senderName: string | null; body: string | null }
    | { kind: 'account'; id: string; displayName: string | null }
    | { kind: 'organisation'; id: string; name: string | null }
}
