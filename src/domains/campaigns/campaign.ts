import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { numberFormat } from '../../platform/i18n/intl.ts'
import type { Issue } from '../../platform/validation.ts'
import { parseDay } from '../listings/index.ts'
import {
  type CampaignItem,
  type CampaignStatus,
  campaignItems,
  type PointRole,
  pointRoles,
} from './campaign.schema.ts'

/** A quantity is a whole number from 1 to 999,999: the tables' checks stop at a million. */
export const QUANTITY_MAX = 999_999
export const TITLE_MAX = 120
export const SPECIFICATION_MAX = 4000
export const UNIT_MAX = 30
export const POINT_NAME_MAX = 100
export const POINT_TEXT_MAX = 200
export const REASON_MAX = 500
/** A campaign takes at most this many points: a list a maker or a requester can still read. */
export const POINTS_MAX = 40

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T =>
  (values as readonly string[]).includes(v)

/**
 * A whole number as people type it: « 100 », « 1 000 » (spaces as thousands separators). Anything
 * else gets its own words: a decimal, letters, zero or less, a million or more.
 */
export function parseQuantity(text: string, field: string, options: { max?: number; min?: number } = {}) {
  const { max = QUANTITY_MAX, min = 1 } = options
  const t = text.replace(/[\s\u00a0\u202f]/g, '')
  if (t === '') return { field, key: 'supply.quantity.required' } as Issue
  if (/^[-−]\d+([.,]\d+)?$/.test(t) || (min > 0 && /^[-−]?0+([.,]0+)?$/.test(t)))
    return { field, key: 'supply.quantity.tooSmall' } as Issue
  if (/^\d+[.,]\d+$/.test(t)) return { field, key: 'supply.quantity.whole' } as Issue
  if (!/^\d+$/.test(t)) return { field, key: 'supply.quantity.digits' } as Issue
  const n = t.length > 9 ? Number.POSITIVE_INFINITY : Number(t)
  if (n > max) return { field, key: 'supply.quantity.atMost', params: { max: formatCount(max) } } as Issue
  return n
}

/** A signed whole number for a correction: « -3 » takes three off, « +2 » or « 2 » adds two; never 0. */
export function parseSignedQuantity(text: string, field: string): number | Issue {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-')
  const sign = t.startsWith('-') ? -1 : 1
  const body = t.replace(/^[-+]/, '')
  if (/^[-+]?0+$/.test(t)) return { field, key: 'supply.correction.zero' }
  const n = parseQuantity(body, field)
  return typeof n === 'number' ? sign * n : n
}

/** « 1 000 000 » as French writes it (a narrow no-break space), « 1,000,000 » in English. */
export function formatCount(n: number, locale: 'fr' | 'en' = 'fr'): string {
  return numberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(n)
}

const oneLine = (s: string) => s.trim().replace(/\s+/g, ' ')
const multiLine = (s: string) => s.replace(/\r\n?/g, '\n').trim()

function text(value: string, field: string, max: number, required: MessageKey, issues: Issue[]) {
  if (value === '') issues.push({ field, key: required })
  else if (value.length > max) issues.push({ field, key: 'supply.error.tooLong', params: { max } })
  return value
}

/** A day typed « 2026-04-02 » or « 02/04/2026 », as ISO, or null. */
export function isoDay(typed: string): string | null {
  const day = parseDay(typed)
  return day ? day.toISOString().slice(0, 10) : null
}

/** What the campaign form or the API sends, as text; anything else in the body is never read. */
export interface CampaignInput {
  item: string
  title: string
  specification: string
  target: string
  unit: string
  startsOn: string
  endsOn: string
  organisationId: string
  status: string
}

export interface CampaignFields {
  item: CampaignItem
  title: string
  specification: string
  targetQuantity: number
  unit: string
  startsOn: string
  endsOn: string
}

/** Every rule of the campaign itself that needs no database, in the order of the form. */
export function checkCampaign(input: CampaignInput): { fields: CampaignFields; issues: Issue[] } {
  const issues: Issue[] = []
  const item = isOneOf(campaignItems, input.item) ? input.item : null
  if (!item) issues.push({ field: 'item', key: 'supply.item.required' })
  const title = text(oneLine(input.title), 'title', TITLE_MAX, 'supply.title.required', issues)
  const specification = text(
    multiLine(input.specification),
    'specification',
    SPECIFICATION_MAX,
    'supply.specification.required',
    issues,
  )
  const target = parseQuantity(input.target, 'target')
  if (typeof target !== 'number') issues.push(target)
  const unit = text(oneLine(input.unit), 'unit', UNIT_MAX, 'supply.unit.required', issues)
  const startsOn = isoDay(input.startsOn)
  if (!startsOn) issues.push({ field: 'startsOn', key: 'supply.date.invalid' })
  const endsOn = isoDay(input.endsOn)
  if (!endsOn) issues.push({ field: 'endsOn', key: 'supply.date.invalid' })
  else if (startsOn && endsOn < startsOn) issues.push({ field: 'endsOn', key: 'supply.date.beforeStart' })
  return {
    fields: {
      item: item ?? 'other',
      title,
      specification,
      targetQuantity: typeof target === 'number' ? target : 0,
      unit,
      startsOn: startsOn ?? '',
      endsOn: endsOn ?? '',
    },
    issues,
  }
}

/** The statuses a campaign form may choose; closing has its own button. */
export function formStatus(value: string, issues: Issue[]): Extract<CampaignStatus, 'draft' | 'open'> {
  if (value === 'draft' || value === 'open') return value
  issues.push({ field: 'status', key: 'supply.status.required' })
  return 'draft'
}

export interface PointInput {
  name: string
  role: string
  commune: string
  address: string
  hours: string
}

/** A point's texts and role; its commune is resolved by the service. */
export function checkPoint(input: PointInput, issues: Issue[]) {
  const role: PointRole | null = isOneOf(pointRoles, input.role) ? input.role : null
  if (!role) issues.push({ field: 'role', key: 'supply.point.role.required' })
  return {
    name: text(oneLine(input.name), 'name', POINT_NAME_MAX, 'supply.point.name.required', issues),
    role: role ?? 'both',
    address: text(oneLine(input.address), 'address', POINT_TEXT_MAX, 'supply.point.address.required', issues),
    hours: text(oneLine(input.hours), 'hours', POINT_TEXT_MAX, 'supply.point.hours.required', issues),
  }
}

/** A reason staff write (a refusal, a loss, a correction): required, one paragraph. */
export function checkReason(value: string, field: string, issues: Issue[]): string {
  return text(multiLine(value), field, REASON_MAX, 'supply.reason.required', issues)
}

/** Points where makers may hand batches over. */
export const collects = (role: PointRole) => role === 'collection' || role === 'both'
