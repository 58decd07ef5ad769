import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { dateTimeFormat } from '../../platform/i18n/intl.ts'
import type { Issue } from '../../platform/validation.ts'
import {
  type ProducerLabel,
  type ProductFamily,
  producerLabels,
  productFamilies,
  type SalesMode,
  salesModes,
} from './producer.schema.ts'

// The rules of a producer's page, without the database: what a product, a sales place and its
// opening hours must be. Prices are not a field: sales happen off the platform.

export const PRESENTATION_MAX = 5000
export const PRODUCT_NAME_MAX = 120
export const PRODUCT_DESCRIPTION_MAX = 1000
export const PLACE_NAME_MAX = 120
export const PLACE_ADDRESS_MAX = 300
export const PLACE_DETAILS_MAX = 1000
export const PHOTO_ALT_MAX = 300
export const PRODUCTS_MAX = 60
export const PLACES_MAX = 20
export const PHOTOS_MAX = 6
/** Rows of opening hours a place's form offers: a span a day, or two on a few days. */
export const HOURS_ROWS = 7
export const DELIVERY_RADII = [5, 10, 15, 20, 30, 50] as const

export interface ProductInput {
  family: ProductFamily
  name: string
  description: string
  months: number[]
  labels: ProducerLabel[]
}

export interface HoursInput {
  weekday: number
  /** « 09:00 » */
  opens: string
  closes: string
}

export interface PlaceInput {
  mode: SalesMode
  name: string
  address: string
  details: string
  radiusKm: number | null
  hours: HoursInput[]
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (values as readonly string[]).includes(v)

/** Trimmed text within its length, or an issue; a required one must not be empty. */
export function checkText(
  issues: Issue[],
  field: string,
  raw: unknown,
  max: number,
  required: MessageKey | null,
): string {
  const text = typeof raw === 'string' ? raw.trim() : ''
  if (required && text === '') issues.push({ field, key: required })
  else if (text.length > max) issues.push({ field, key: 'producers.error.tooLong', params: { max } })
  return text
}

/** Months as the checkboxes send them (« 5 »), each once, in calendar order. */
export function checkMonths(issues: Issue[], field: string, raw: readonly unknown[]): number[] {
  const months = new Set<number>()
  for (const v of raw) {
    const n =
      typeof v === 'string' && /^\d{1,2}$/.test(v) ? Number(v) : typeof v === 'number' ? v : Number.NaN
    if (!Number.isInteger(n) || n < 1 || n > 12) {
      issues.push({ field, key: 'producers.error.months' })
      return []
    }
    months.add(n)
  }
  if (months.size === 0) issues.push({ field, key: 'producers.error.monthsRequired' })
  return [...months].sort((a, b) => a - b)
}

export function checkLabels(issues: Issue[], field: string, raw: readonly unknown[]): ProducerLabel[] {
  if (raw.some((v) => !oneOf(producerLabels, v))) {
    issues.push({ field, key: 'producers.error.labels' })
    return []
  }
  return producerLabels.filter((l) => raw.includes(l))
}

export function checkProduct(raw: {
  family: unknown
  name: unknown
  description: unknown
  months: readonly unknown[]
  labels: readonly unknown[]
}): { value: ProductInput | null; issues: Issue[] } {
  const issues: Issue[] = []
  const family = oneOf(productFamilies, raw.family) ? raw.family : null
  if (!family) issues.push({ field: 'family', key: 'producers.error.family' })
  const name = checkText(issues, 'name', raw.name, PRODUCT_NAME_MAX, 'producers.error.nameRequired')
  const description = checkText(issues, 'description', raw.description, PRODUCT_DESCRIPTION_MAX, null)
  const months = checkMonths(issues, 'months', raw.months)
  const labels = checkLabels(issues, 'labels', raw.labels)
  if (issues.length > 0 || !family) return { value: null, issues }
  return { value: { family, name, description, months, labels }, issues }
}

/** « 9h », « 9 h 30 », « 09:30 », « 18h00 » as « HH:MM »; null when it is not a time of day. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})\s*(?:[h:]\s*(\d{2})?)?$/i.exec(text.trim())
  if (!m) return null
  const hour = Number(m[1])
  const minute = m[2] ? Number(m[2]) : 0
  if (hour > 23 || minute > 59) return null
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
}

/**
 * Hours as the form's rows send them; an empty row is skipped. Each span closes after it opens; a
 * market is one day a week.
 */
export function checkHours(
  issues: Issue[],
  rows: readonly { day: unknown; opens: unknown; closes: unknown }[],
  mode: SalesMode | null,
  prefix = 'hours',
): HoursInput[] {
  const hours: HoursInput[] = []
  rows.forEach((row, i) => {
    const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '')
    const [day, opens, closes] = [text(row.day), text(row.opens), text(row.closes)]
    if (day === '' && opens === '' && closes === '') return
    const n = i + 1
    const weekday = /^[1-7]$/.test(day) ? Number(day) : null
    if (!weekday) issues.push({ field: `${prefix}${n}Day`, key: 'producers.error.weekday' })
    const from = parseTime(opens)
    if (!from) issues.push({ field: `${prefix}${n}Opens`, key: 'producers.error.time' })
    const to = parseTime(closes)
    if (!to) issues.push({ field: `${prefix}${n}Closes`, key: 'producers.error.time' })
    else if (from && to <= from)
      issues.push({ field: `${prefix}${n}Closes`, key: 'producers.error.closesAfter' })
    if (weekday && from && to && to > from) hours.push({ weekday, opens: from, closes: to })
  })
  if (mode === 'market' && new Set(hours.map((h) => h.weekday)).size > 1)
    issues.push({ field: `${prefix}1Day`, key: 'producers.error.marketOneDay' })
  return hours.sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))
}

export function checkPlace(raw: {
  mode: unknown
  name: unknown
  address: unknown
  details: unknown
  radiusKm: unknown
  hours: readonly { day: unknown; opens: unknown; closes: unknown }[]
}): { value: PlaceInput | null; issues: Issue[] } {
  const issues: Issue[] = []
  const mode = oneOf(salesModes, raw.mode) ? raw.mode : null
  if (!mode) issues.push({ field: 'mode', key: 'producers.error.mode' })
  const name = checkText(issues, 'name', raw.name, PLACE_NAME_MAX, 'producers.error.placeNameRequired')
  const address = checkText(issues, 'address', raw.address, PLACE_ADDRESS_MAX, null)
  const details = checkText(issues, 'details', raw.details, PLACE_DETAILS_MAX, null)
  let radiusKm: number | null = null
  const radiusText =
    typeof raw.radiusKm === 'number' ? String(raw.radiusKm) : String(raw.radiusKm ?? '').trim()
  if (mode === 'delivery') {
    radiusKm = (DELIVERY_RADII as readonly number[]).includes(Number(radiusText)) ? Number(radiusText) : null
    if (!radiusKm)
      issues.push({
        field: 'radiusKm',
        key: 'producers.error.radius',
        params: { choices: DELIVERY_RADII.join(', ') },
      })
  } else if (radiusText !== '' && !(DELIVERY_RADII as readonly number[]).includes(Number(radiusText)))
    issues.push({
      field: 'radiusKm',
      key: 'producers.error.radius',
      params: { choices: DELIVERY_RADII.join(', ') },
    })
  const hours = checkHours(issues, raw.hours, mode)
  if (issues.length > 0 || !mode) return { value: null, issues }
  return { value: { mode, name, address, details, radiusKm, hours }, issues }
}

/** The weekday (1 = Monday) and « HH:MM » of an instant in Paris, where producers keep their hours. */
const parisFormat = dateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
export function parisNow(at: Date): { weekday: number; time: string } {
  const parts = Object.fromEntries(parisFormat.formatToParts(at).map((p) => [p.type, p.value]))
  return { weekday: WEEKDAYS.indexOf(parts.weekday!) + 1, time: `${parts.hour}:${parts.minute}` }
}

/**
 * Open today: a span of today that has not closed yet. The answer is the latest closing time of
 * today's spans (« jusqu'à 18 h »), or null.
 */
export function openTodayUntil(hours: readonly HoursInput[], now: { weekday: number; time: string }) {
  const today = hours.filter((h) => h.weekday === now.weekday && h.closes.slice(0, 5) > now.time)
  return today.length === 0
    ? null
    : today
        .map((h) => h.closes.slice(0, 5))
        .sort()
        .at(-1)!
}

/** « 18 h », « 18 h 30 »: a time as French signs write it. */
export function spokenTime(time: string, locale: 'fr' | 'en'): string {
  const [h, m] = time.slice(0, 5).split(':')
  if (locale === 'en') return `${h}:${m}`
  return m === '00' ? `${Number(h)} h` : `${Number(h)} h ${m}`
}

/**
 * The season as a reader says it: all year, « de mai à septembre » for one run of months (over the
 * new year too: « de novembre à février »), else the months listed.
 */
export function seasonOf(
  months: readonly number[],
): { kind: 'all' } | { kind: 'range'; from: number; to: number } | { kind: 'list'; months: number[] } {
  const set = new Set(months)
  if (set.size >= 12) return { kind: 'all' }
  const sorted = [...set].sort((a, b) => a - b)
  if (sorted.length === 1) return { kind: 'list', months: sorted }
  // The run starts at the month whose previous month is missing; one such month means one run.
  const starts = sorted.filter((m) => !set.has(m === 1 ? 12 : m - 1))
  if (starts.length !== 1) return { kind: 'list', months: sorted }
  const from = starts[0]!
  let to = from
  while (set.has(to === 12 ? 1 : to + 1)) to = to === 12 ? 1 : to + 1
  return { kind: 'range', from, to }
}

export function monthName(month: number, locale: 'fr' | 'en'): string {
  return dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2026, month - 1, 15)))
}

export function weekdayName(weekday: number, locale: 'fr' | 'en'): string {
  // 2026-03-16 is a Monday.
  return dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2026, 2, 15 + weekday)))
}
