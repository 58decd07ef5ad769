import type { Locale, MessageKey } from '../../platform/i18n/i18n.ts'
import { dateTimeFormat, numberFormat } from '../../platform/i18n/intl.ts'
import type { Issue } from '../../platform/validation.ts'
import { parseDay } from '../listings/index.ts'
import type { NeedStatus, needDropPoints, needPledges, needs } from './need.schema.ts'

export type { NeedStatus }
export type Need = Omit<typeof needs.$inferSelect, 'searchVector'>
export type DropPoint = typeof needDropPoints.$inferSelect
export type Pledge = typeof needPledges.$inferSelect

export const QUANTITY_MAX = 1_000_000
export const TITLE_MAX = 120
export const DESCRIPTION_MAX = 4000
export const UNIT_MAX = 30
export const DROP_NAME_MAX = 100
export const DROP_TEXT_MAX = 200
/** A need takes at most this many drop-off points: a list a giver can still read. */
export const DROP_POINTS_MAX = 10

/**
 * A whole number as people type it: « 100 », « 1 000 » (spaces as thousands separators). Anything
 * else gets its own words: a decimal, letters, zero or less, more than a million.
 */
export function parseQuantity(text: string, field: string, max = QUANTITY_MAX): number | Issue {
  const t = text.replace(/[\s\u00a0\u202f]/g, '')
  if (t === '') return { field, key: 'needs.quantity.required' }
  if (/^[-−]\d+([.,]\d+)?$/.test(t) || /^[-−]?0+([.,]0+)?$/.test(t))
    return { field, key: 'needs.quantity.tooSmall' }
  if (/^\d+[.,]\d+$/.test(t)) return { field, key: 'needs.quantity.whole' }
  if (!/^\d+$/.test(t)) return { field, key: 'needs.quantity.digits' }
  const n = t.length > 9 ? Number.POSITIVE_INFINITY : Number(t)
  if (n > max)
    return max === QUANTITY_MAX
      ? { field, key: 'needs.quantity.tooLarge' }
      : { field, key: 'needs.quantity.atMost', params: { max: formatCount(max) } }
  return n
}

/** « 1 000 000 » as French writes it (a narrow no-break space), « 1,000,000 » in English. */
export function formatCount(n: number, locale: Locale = 'fr'): string {
  return numberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(n)
}

/** What the need form or the API sends, as text; anything else in the body is never read. */
export interface NeedInput {
  title: string
  description: string
  quantity: string
  unit: string
  categoryId: string
  deadline: string
  allowOverPledge: boolean
}

export interface NeedFields {
  title: string
  description: string
  quantity: number
  unit: string
  deadline: string | null
}

export interface DropPointInput {
  name: string
  commune: string
  address: string
  hours: string
}

const oneLine = (s: string) => s.trim().replace(/\s+/g, ' ')
const multiLine = (s: string) => s.replace(/\r\n?/g, '\n').trim()

function text(value: string, field: string, max: number, required: MessageKey, issues: Issue[]) {
  if (value === '') issues.push({ field, key: required })
  else if (value.length > max) issues.push({ field, key: 'needs.error.tooLong', params: { max } })
  return value
}

/** Today in Paris, as « 2026-04-02 »: a deadline of today is still open. */
export function parisToday(now: Date): string {
  return dateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now)
}

/** Every rule of the need itself that needs no database, in the order of the form. */
export function checkNeed(input: NeedInput, now: Date): { fields: NeedFields; issues: Issue[] } {
  const issues: Issue[] = []
  const title = text(oneLine(input.title), 'title', TITLE_MAX, 'needs.title.required', issues)
  const description = text(
    multiLine(input.description),
    'description',
    DESCRIPTION_MAX,
    'needs.description.required',
    issues,
  )
  const parsed = parseQuantity(input.quantity, 'quantity')
  if (typeof parsed !== 'number') issues.push(parsed)
  const unit = text(oneLine(input.unit), 'unit', UNIT_MAX, 'needs.unit.required', issues)
  let deadline: string | null = null
  if (input.deadline.trim() !== '') {
    const day = parseDay(input.deadline)
    if (!day) issues.push({ field: 'deadline', key: 'needs.deadline.invalid' })
    else {
      deadline = day.toISOString().slice(0, 10)
      if (deadline < parisToday(now)) issues.push({ field: 'deadline', key: 'needs.deadline.past' })
    }
  }
  const quantity = typeof parsed === 'number' ? parsed : 0
  return { fields: { title, description, quantity, unit, deadline }, issues }
}

/** A drop-off point's texts; its commune is resolved by the service. `prefix` names the fields (drop1…). */
export function checkDropPoint(input: DropPointInput, prefix: string, issues: Issue[]) {
  return {
    name: text(oneLine(input.name), `${prefix}Name`, DROP_NAME_MAX, 'needs.drop.name.required', issues),
    address: text(
      oneLine(input.address),
      `${prefix}Address`,
      DROP_TEXT_MAX,
      'needs.drop.address.required',
      issues,
    ),
    hours: text(oneLine(input.hours), `${prefix}Hours`, DROP_TEXT_MAX, 'needs.drop.hours.required', issues),
  }
}

/** A drop point left wholly blank on the form is no drop point (the second one is optional). */
export const blankDropPoint = (d: DropPointInput) =>
  [d.name, d.commune, d.address, d.hours].every((v) => v.trim() === '')

/** What remains to pledge: never below zero, even when the organisation took more than asked. */
export const remaining = (need: Pick<Need, 'quantity' | 'pledged'>) =>
  Math.max(0, need.quantity - need.pledged)

/** Who may see a need: held ones only its organisation's people; removed ones no one. */
export function isPublic(status: NeedStatus): boolean {
  return status === 'open' || status === 'met' || status === 'closed'
}

/** The statuses a manager may still edit, add drop points to, or close. */
export const editableStatuses = ['held', 'open', 'met'] as const satisfies readonly NeedStatus[]
