import type { Issue } from '../../platform/validation.ts'
import type { MissionStatus, missionSignups, missionSlots, missions, Recurrence } from './mission.schema.ts'
import { isoWeekday, parisInstant, parisParts, parseLocalDay, parseLocalTime } from './paris-time.ts'

export type { MissionStatus, Recurrence }
export type Mission = Omit<typeof missions.$inferSelect, 'searchVector'>
export type Slot = typeof missionSlots.$inferSelect
export type Signup = typeof missionSignups.$inferSelect

export const TITLE_MAX = 120
export const DESCRIPTION_MAX = 4000
export const ADDRESS_MAX = 200
export const PLACES_MAX = 10_000
/** A withdrawal deadline longer than a month would keep volunteers from ever withdrawing. */
export const WITHDRAW_HOURS_MAX = 720
/** Rows of one-off slots the form shows; the API takes up to SLOTS_MAX at once. */
export const SLOT_ROWS = 5
/** « tous les samedis… » makes at most this many slots, and a mission posts at most this many at once. */
export const SLOTS_MAX = 60
/** Slots further ahead are almost always a typing mistake (« 2062 » for « 2026 »). */
const HORIZON_MS = 2 * 366 * 86_400_000

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** One row of one-off slot as typed. */
export interface SlotRowInput {
  date: string
  start: string
  end: string
  places: string
}

/** « tous les samedis de 9 h à 12 h jusqu'au 30 juin », as typed. */
export interface WeeklyInput {
  weekday: string
  start: string
  end: string
  until: string
  places: string
}

/** What the form or the API sends about the mission itself, as text. */
export interface MissionInput {
  title: string
  description: string
  categoryId: string
  address: string
  needsVerifiedVolunteer: boolean
  withdrawHours: string
}

/** How the slots of a new mission are given: several one-off rows, or a weekly rule. */
export type SlotsInput =
  | { kind: 'once'; rows: SlotRowInput[] }
  | { kind: 'weekly'; weekly: WeeklyInput }
  | { kind: '' }

export interface MissionFields {
  title: string
  description: string
  address: string | null
  needsVerifiedVolunteer: boolean
  withdrawHoursBefore: number
}

export interface NewSlot {
  startsAt: Date
  endsAt: Date
  places: number
}

/** Line breaks kept, spaces at the ends and Windows line endings gone. */
const normaliseText = (text: string) => text.replace(/\r\n?/g, '\n').trim()
const oneLine = (text: string) => text.trim().replace(/\s+/g, ' ')

function wholeNumber(text: string): number | null {
  const t = text.trim()
  return /^\d{1,6}$/.test(t) ? Number(t) : null
}

/** The mission's own fields, in the order of the form; category and commune are checked by the service. */
export function checkMissionFields(input: MissionInput): { fields: MissionFields; issues: Issue[] } {
  const issues: Issue[] = []
  const title = oneLine(input.title)
  if (title === '') issues.push({ field: 'title', key: 'mission.title.required' })
  else if (title.length > TITLE_MAX)
    issues.push({ field: 'title', key: 'mission.error.tooLong', params: { max: TITLE_MAX } })
  const description = normaliseText(input.description)
  if (description === '') issues.push({ field: 'description', key: 'mission.description.required' })
  else if (description.length > DESCRIPTION_MAX)
    issues.push({ field: 'description', key: 'mission.error.tooLong', params: { max: DESCRIPTION_MAX } })
  const address = oneLine(input.address)
  if (address.length > ADDRESS_MAX)
    issues.push({ field: 'address', key: 'mission.error.tooLong', params: { max: ADDRESS_MAX } })
  const hours = input.withdrawHours.trim() === '' ? 24 : wholeNumber(input.withdrawHours)
  if (hours === null || hours > WITHDRAW_HOURS_MAX)
    issues.push({
      field: 'withdrawHours',
      key: 'mission.withdrawHours.invalid',
      params: { max: WITHDRAW_HOURS_MAX },
    })
  return {
    fields: {
      title,
      description,
      address: address === '' ? null : address,
      needsVerifiedVolunteer: input.needsVerifiedVolunteer,
      withdrawHoursBefore: hours ?? 24,
    },
    issues,
  }
}

function checkPlaces(text: string, field: string, issues: Issue[]): number | null {
  const places = wholeNumber(text)
  if (text.trim() === '') issues.push({ field, key: 'mission.places.required' })
  else if (places === null || places < 1 || places > PLACES_MAX)
    issues.push({ field, key: 'mission.places.invalid', params: { max: PLACES_MAX } })
  else return places
  return null
}

interface Times {
  start: { hour: number; minute: number } | null
  end: { hour: number; minute: number } | null
}

function checkTimes(start: string, end: string, fields: [string, string], issues: Issue[]): Times {
  const s = parseLocalTime(start)
  const e = parseLocalTime(end)
  if (!s) issues.push({ field: fields[0], key: 'mission.time.invalid' })
  if (!e) issues.push({ field: fields[1], key: 'mission.time.invalid' })
  else if (s && e.hour * 60 + e.minute <= s.hour * 60 + s.minute)
    issues.push({ field: fields[1], key: 'mission.time.endBeforeStart' })
  return { start: s, end: e }
}

/** One one-off slot; `n` is its row's number on the form (1, 2…), which names its fields. */
export function checkSlotRow(row: SlotRowInput, n: number, now: Date, issues: Issue[]): NewSlot | null {
  const before = issues.length
  const day = parseLocalDay(row.date)
  if (!day) issues.push({ field: `date-${n}`, key: 'mission.date.invalid' })
  const { start, end } = checkTimes(row.start, row.end, [`start-${n}`, `end-${n}`], issues)
  const places = checkPlaces(row.places, `places-${n}`, issues)
  if (!day || !start || !end || places === null || issues.length > before) return null
  const startsAt = parisInstant(day.year, day.month, day.day, start.hour, start.minute)
  const endsAt = parisInstant(day.year, day.month, day.day, end.hour, end.minute)
  if (startsAt <= now) issues.push({ field: `date-${n}`, key: 'mission.date.past' })
  else if (startsAt.getTime() - now.getTime() > HORIZON_MS)
    issues.push({ field: `date-${n}`, key: 'mission.date.tooFar' })
  return issues.length > before ? null : { startsAt, endsAt, places }
}

const isBlank = (row: SlotRowInput) => !`${row.date}${row.start}${row.end}${row.places}`.trim()

/**
 * The weekly rule as slots, from today to its last day: every such weekday, at its local time in
 * Paris (9 h stays 9 h after the change to summer time), only those still to come.
 */
export function weeklySlots(rule: Recurrence, places: number, now: Date): NewSlot[] {
  const until = parseLocalDay(rule.until)
  const start = parseLocalTime(rule.start)
  const end = parseLocalTime(rule.end)
  if (!until || !start || !end) return []
  const today = parisParts(now)
  const slots: NewSlot[] = []
  const last = Date.UTC(until.year, until.month - 1, until.day)
  for (let day = Date.UTC(today.year, today.month - 1, today.day); day <= last; day += 86_400_000) {
    const d = new Date(day)
    const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]
    if (isoWeekday(y, m, dd) !== rule.weekday) continue
    const startsAt = parisInstant(y, m, dd, start.hour, start.minute)
    if (startsAt <= now) continue
    slots.push({ startsAt, endsAt: parisInstant(y, m, dd, end.hour, end.minute), places })
    // One more than allowed is enough to say there are too many.
    if (slots.length > SLOTS_MAX) break
  }
  return slots
}

const two = (n: number) => String(n).padStart(2, '0')

/** The slots of a new mission, or the issues that name the wrong fields. */
export function checkSlots(
  input: SlotsInput,
  now: Date,
): { slots: NewSlot[]; recurrence: Recurrence | null; issues: Issue[] } {
  const issues: Issue[] = []
  if (input.kind === 'once') {
    const slots: NewSlot[] = []
    input.rows.forEach((row, i) => {
      if (isBlank(row)) return
      const slot = checkSlotRow(row, i + 1, now, issues)
      if (slot) slots.push(slot)
    })
    if (issues.length === 0 && slots.length === 0)
      issues.push({ field: 'date-1', key: 'mission.slots.required' })
    if (slots.length > SLOTS_MAX)
      issues.push({ field: 'date-1', key: 'mission.slots.tooMany', params: { max: SLOTS_MAX } })
    return { slots, recurrence: null, issues }
  }
  if (input.kind === 'weekly') {
    const w = input.weekly
    const weekday = wholeNumber(w.weekday)
    if (weekday === null || weekday < 1 || weekday > 7)
      issues.push({ field: 'weekday', key: 'mission.weekday.required' })
    const { start, end } = checkTimes(w.start, w.end, ['weeklyStart', 'weeklyEnd'], issues)
    const until = parseLocalDay(w.until)
    if (!until) issues.push({ field: 'weeklyUntil', key: 'mission.date.invalid' })
    else {
      const last = parisInstant(until.year, until.month, until.day, 23, 59)
      if (last <= now) issues.push({ field: 'weeklyUntil', key: 'mission.date.past' })
      else if (last.getTime() - now.getTime() > HORIZON_MS)
        issues.push({ field: 'weeklyUntil', key: 'mission.date.tooFar' })
    }
    const places = checkPlaces(w.places, 'weeklyPlaces', issues)
    if (issues.length > 0 || !start || !end || !until || weekday === null || places === null)
      return { slots: [], recurrence: null, issues }
    const recurrence: Recurrence = {
      weekday,
      start: `${two(start.hour)}:${two(start.minute)}`,
      end: `${two(end.hour)}:${two(end.minute)}`,
      until: `${until.year}-${two(until.month)}-${two(until.day)}`,
    }
    const slots = weeklySlots(recurrence, places, now)
    if (slots.length === 0) issues.push({ field: 'weeklyUntil', key: 'mission.weekly.none' })
    if (slots.length > SLOTS_MAX)
      issues.push({ field: 'weeklyUntil', key: 'mission.slots.tooMany', params: { max: SLOTS_MAX } })
    return { slots, recurrence, issues }
  }
  return { slots: [], recurrence: null, issues: [{ field: 'slotsKind', key: 'mission.slotsKind.required' }] }
}

/** The fields in the order of the form, so that the error summary reads as the page does. */
const FORM_ORDER = [
  'categoryId',
  'title',
  'description',
  'commune',
  'address',
  'needsVerifiedVolunteer',
  'withdrawHours',
  'slotsKind',
  ...Array.from({ length: SLOT_ROWS }, (_, i) => [
    `date-${i + 1}`,
    `start-${i + 1}`,
    `end-${i + 1}`,
    `places-${i + 1}`,
  ]).flat(),
  'weekday',
  'weeklyStart',
  'weeklyEnd',
  'weeklyUntil',
  'weeklyPlaces',
]
export function inFormOrder(issues: Issue[]): Issue[] {
  const rank = (i: Issue) => {
    const r = FORM_ORDER.indexOf(i.field)
    return r === -1 ? FORM_ORDER.length : r
  }
  return [...issues].sort((a, b) => rank(a) - rank(b))
}

/** Who sees a mission: held ones only its organisation's members; removed ones nobody. */
export function isVisible(mission: Mission, member: boolean): boolean {
  if (mission.status === 'removed') return false
  return mission.status !== 'held' || member
}

/** Until when a volunteer may withdraw from a slot by themselves. */
export function withdrawDeadline(slot: { startsAt: Date }, withdrawHoursBefore: number): Date {
  return new Date(slot.startsAt.getTime() - withdrawHoursBefore * 3_600_000)
}
