import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { parsePhone } from '../../platform/phone-numbers.ts'
import type { LocalisedText } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { type HelpPointKind, helpPointKinds } from './help-point.schema.ts'

/** A list a person on the phone, or on the « besoin d'aide » page, can still read to the end. */
export const HELP_POINTS_MAX = 50
export const HELP_POINT_NAME_MAX = 100
export const HELP_POINT_TEXT_MAX = 200
export const HOURS_MAX = 200

/** A help point as pages and the API show it; its commune is an INSEE code, named from memory. */
export interface HelpPoint {
  id: string
  kind: HelpPointKind
  name: string
  address: string
  communeInsee: string
  hours: string
  /** E.164 */
  phone: string | null
  position: number
}

/** What the phone line's form sends, as text. */
export interface HelplineInput {
  phone: string
  hoursFr: string
  hoursEn: string
}

/** What the help point's form sends, as text; anything else in the body is never read. */
export interface HelpPointInput {
  kind: string
  name: string
  address: string
  commune: string
  hours: string
  phone: string
}

/** Bidirectional overrides and invisible marks would let a name or a number pass for another one. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g

/** One line of text as a person meant it: no invisible marks, composed accents, single spaces. */
export function oneLine(value: string): string {
  return value.replace(INVISIBLE, '').normalize('NFC').replace(/\s+/g, ' ').trim()
}

function text(value: string, field: string, max: number, required: MessageKey | null, issues: Issue[]) {
  const cleaned = oneLine(value)
  if (cleaned === '' && required) issues.push({ field, key: required })
  else if ([...cleaned].length > max) issues.push({ field, key: 'helpline.error.tooLong', params: { max } })
  return cleaned
}

function phone(value: string, field: string, issues: Issue[]): string | null {
  const parsed = parsePhone(oneLine(value))
  if (parsed.kind === 'invalid') issues.push({ field, key: 'helpline.error.phone' })
  return parsed.kind === 'ok' ? parsed.e164 : null
}

/**
 * The line's number and hours. Both may be cleared; hours without a number would tell people
 * when to call nothing, so they need the number.
 */
export function checkHelpline(input: HelplineInput): {
  value: { phone: string | null; hours: LocalisedText | null }
  issues: Issue[]
} {
  const issues: Issue[] = []
  const number = phone(input.phone, 'phone', issues)
  const fr = text(input.hoursFr, 'hoursFr', HOURS_MAX, null, issues)
  const en = text(input.hoursEn, 'hoursEn', HOURS_MAX, null, issues)
  if (en !== '' && fr === '') issues.push({ field: 'hoursFr', key: 'helpline.error.hoursFrenchFirst' })
  if (number === null && fr !== '' && !issues.some((i) => i.field === 'phone'))
    issues.push({ field: 'phone', key: 'helpline.error.hoursWithoutPhone' })
  const hours = fr === '' ? null : en === '' ? { fr } : { fr, en }
  return { value: { phone: number, hours }, issues }
}

/** A help point's texts, kind and phone; its commune is resolved by the service. */
export function checkHelpPoint(input: HelpPointInput, issues: Issue[]) {
  const kind = (helpPointKinds as readonly string[]).includes(input.kind)
    ? (input.kind as HelpPointKind)
    : null
  if (!kind) issues.push({ field: 'kind', key: 'helpPoint.error.kind' })
  return {
    kind: kind ?? 'other',
    name: text(input.name, 'name', HELP_POINT_NAME_MAX, 'helpPoint.error.name', issues),
    address: text(input.address, 'address', HELP_POINT_TEXT_MAX, 'helpPoint.error.address', issues),
    hours: text(input.hours, 'hours', HELP_POINT_TEXT_MAX, 'helpPoint.error.hours', issues),
    phone: phone(input.phone, 'phone', issues),
  }
}

/** Help points grouped by the name of their commune, communes in alphabetical order, each in the list's order. */
export function byCommune<P extends HelpPoint>(
  points: P[],
  communeName: (insee: string) => string,
): { commune: string; points: P[] }[] {
  const groups = new Map<string, P[]>()
  for (const point of points) {
    const name = communeName(point.communeInsee)
    groups.set(name, [...(groups.get(name) ?? []), point])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'fr'))
    .map(([commune, list]) => ({ commune, points: list }))
}
