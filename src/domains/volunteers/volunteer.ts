import { dateTimeFormat } from '../../platform/i18n/intl.ts'
import type { Issue } from '../../platform/validation.ts'
import { emailProblem, normaliseEmail } from '../accounts/index.ts'
import { parseDay } from '../listings/index.ts'

export const NOTE_MAX = 500
/** A verification lasts a year unless staff say otherwise, three at most: references and extracts age. */
export const DEFAULT_YEARS = 1
export const MAX_YEARS = 3

export interface VerificationInput {
  email: string
  /** the last day it holds, « 2027-03-16 » or « 16/03/2027 »; empty for a year from today */
  until: string
  note: string
}

export interface CheckedVerification {
  email: string
  /** the last day it holds, as YYYY-MM-DD */
  lastDay: string
  expiresAt: Date
  note: string | null
}

/** Today's date in Paris, as YYYY-MM-DD: a day typed by staff is a day of their calendar. */
export function parisDay(date: Date): string {
  return dateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date)
}

/** The same day `years` later (29 February becomes 1 March), as YYYY-MM-DD. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10)
}

function parisOffsetMs(at: Date): number {
  const name = dateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '')
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000
}

/** The end of a day in Paris (midnight that follows it): a verification « until 16 March » holds all that day. */
export function endOfParisDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const utcMidnight = Date.UTC(y, m - 1, d + 1)
  // The offset one hour before that midnight is the day's own (summer or winter time).
  return new Date(utcMidnight - parisOffsetMs(new Date(utcMidnight - 3_600_000)))
}

/** The last day a verification holds, for display: the day before it ends. */
export function lastDayOf(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - 1)
}

/** The form's rules, without the database: the address's shape, the date, the note's length. */
export function checkVerification(
  input: VerificationInput,
  now: Date,
): { value: CheckedVerification | null; issues: Issue[] } {
  const issues: Issue[] = []
  const email = normaliseEmail(input.email)
  const badEmail = emailProblem(email)
  if (badEmail)
    issues.push({
      field: 'email',
      key: email === '' ? 'volunteer.email.required' : 'volunteer.email.invalid',
    })
  const today = parisDay(now)
  const max = addYears(today, MAX_YEARS)
  let lastDay: string | null = addYears(today, DEFAULT_YEARS)
  if (input.until.trim() !== '') {
    const parsed = parseDay(input.until)
    lastDay = parsed ? parsed.toISOString().slice(0, 10) : null
    if (!lastDay) issues.push({ field: 'until', key: 'volunteer.until.invalid' })
    else if (lastDay <= today) issues.push({ field: 'until', key: 'volunteer.until.past' })
    else if (lastDay > max)
      issues.push({ field: 'until', key: 'volunteer.until.tooFar', params: { years: MAX_YEARS } })
  }
  const note = input.note.replace(/\r\n?/g, '\n').trim()
  if (note.length > NOTE_MAX)
    issues.push({ field: 'note', key: 'volunteer.note.tooLong', params: { max: NOTE_MAX } })
  if (issues.length > 0 || !lastDay) return { value: null, issues }
  return { value: { email, lastDay, expiresAt: endOfParisDay(lastDay), note: note || null }, issues }
}
