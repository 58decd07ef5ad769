/**
 * A date typed as three numbers, day, month and year, the GOV.UK way: it reads the same in every
 * browser and language (a native date field shows mm/dd/yyyy to some), and needs no script.
 */
export interface DateParts {
  day: string
  month: string
  year: string
}

export type DatePartsProblem =
  | 'empty'
  | 'missing-day'
  | 'missing-month'
  | 'missing-year'
  | 'year-digits'
  | 'not-real'

export type ParsedDate = { kind: 'date'; iso: string } | { kind: 'problem'; problem: DatePartsProblem }

const number = (text: string) => (/^\d{1,4}$/.test(text) ? Number(text) : Number.NaN)

/** « 2 », « 4 », « 2026 » → « 2026-04-02 »; spaces around each number are forgiven, nothing else. */
export function parseDateParts(parts: DateParts): ParsedDate {
  const day = parts.day.trim()
  const month = parts.month.trim()
  const year = parts.year.trim()
  if (day === '' && month === '' && year === '') return { kind: 'problem', problem: 'empty' }
  if (day === '') return { kind: 'problem', problem: 'missing-day' }
  if (month === '') return { kind: 'problem', problem: 'missing-month' }
  if (year === '') return { kind: 'problem', problem: 'missing-year' }
  const [d, m, y] = [number(day), number(month), number(year)]
  if (Number.isNaN(d) || Number.isNaN(m) || Number.isNaN(y)) return { kind: 'problem', problem: 'not-real' }
  if (year.length !== 4) return { kind: 'problem', problem: 'year-digits' }
  const date = new Date(Date.UTC(y, m - 1, d, 12))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { kind: 'problem', problem: 'not-real' }
  return { kind: 'date', iso: date.toISOString().slice(0, 10) }
}

/** The parts of « 2026-04-02 » as a person types them: « 2 », « 4 », « 2026 »; empty for anything else. */
export function partsOfIso(iso: string | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '')
  if (!match) return { day: '', month: '', year: '' }
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! }
}
