import type { Issue } from '../../platform/validation.ts'
import {
  type PointRole,
  type Priority,
  priorities,
  type RequesterKind,
  requesterKinds,
  type supplyRequests,
} from './campaign.schema.ts'

export type SupplyRequest = typeof supplyRequests.$inferSelect

/** Quantities are whole numbers under a million (the issue's rule; the database allows one more). */
export const QUANTITY_MAX = 999_999
export const NOTE_MAX = 1000
export const REASON_MAX = 500

/**
 * A whole number as people type it (« 100 », « 1 000 »); anything else gets its own words. `max`
 * lowers the ceiling when the context gives one (what a point holds, what a request still wants).
 */
export function parseQuantity(text: string, field: string): number | Issue {
  const t = text.replace(/[\s\u00a0\u202f]/g, '')
  if (t === '') return { field, key: 'demand.quantity.required' }
  if (/^[-−]\d+([.,]\d+)?$/.test(t) || /^[-−]?0+([.,]0+)?$/.test(t))
    return { field, key: 'demand.quantity.tooSmall' }
  if (/^\d+[.,]\d+$/.test(t)) return { field, key: 'demand.quantity.whole' }
  if (!/^\d+$/.test(t)) return { field, key: 'demand.quantity.digits' }
  if (t.length > 6) return { field, key: 'demand.quantity.tooLarge' }
  return Number(t)
}

/** Requesters collect at a distribution point (or one that does both), never at a collection-only one. */
export const distributes = (role: PointRole) => role !== 'collection'

export const isPriority = (v: string): v is Priority => (priorities as readonly string[]).includes(v)
export const isRequesterKind = (v: string): v is RequesterKind =>
  (requesterKinds as readonly string[]).includes(v)

/** What the request form or the API sends, as text; anything else in the body is never read. */
export interface RequestInput {
  quantity: string
  requesterKind: string
  /** empty: in one's own name */
  organisationId: string
  priority: string
  pointId: string
  note: string
}

/** Text a person wrote, kept as typed but for controls and line ends, which no page needs. */
export function cleanText(value: string, multiline: boolean): string {
  // Controls (NUL, bidirectional overrides…) have no place in a note; line breaks do in a long one.
  const stripped = value
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is taken out
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
  return (multiline ? stripped : stripped.replace(/\s+/g, ' ')).trim()
}

/** The request's own rules that need no database, in the order of the form. */
export function checkRequest(input: RequestInput): {
  quantity: number
  kind: RequesterKind | null
  priority: Priority | null
  note: string
  issues: Issue[]
} {
  const issues: Issue[] = []
  const parsed = parseQuantity(input.quantity, 'quantity')
  if (typeof parsed !== 'number') issues.push(parsed)
  const kind = isRequesterKind(input.requesterKind) ? input.requesterKind : null
  if (!kind) issues.push({ field: 'requesterKind', key: 'demand.kind.required' })
  const priority = isPriority(input.priority) ? input.priority : null
  if (!priority) issues.push({ field: 'priority', key: 'demand.priority.required' })
  const note = cleanText(input.note, true)
  if (note.length > NOTE_MAX)
    issues.push({ field: 'note', key: 'demand.note.tooLong', params: { max: NOTE_MAX } })
  return { quantity: typeof parsed === 'number' ? parsed : 0, kind, priority, note, issues }
}

/** What staff write when they change a priority or refuse: one to five hundred characters. */
export function checkReason(value: string): { reason: string; issue: Issue | null } {
  const reason = cleanText(value, false)
  if (reason === '') return { reason, issue: { field: 'reason', key: 'demand.reason.required' } }
  if (reason.length > REASON_MAX)
    return { reason, issue: { field: 'reason', key: 'demand.reason.tooLong', params: { max: REASON_MAX } } }
  return { reason, issue: null }
}

/** What is still to give: asked, less what allocations already hold. */
export const remainingOf = (r: Pick<SupplyRequest, 'quantity' | 'allocated'>) => r.quantity - r.allocated

/** Open requests wait; allocated ones may still want more (an allocation in part). */
export const isLive = (r: Pick<SupplyRequest, 'status'>) => r.status === 'open' || r.status === 'allocated'
