/** Time and identifiers come from here so that tests can set the date and predict ids. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  second: 1000,
  seconds: 1000,
  minute: 60_000,
  minutes: 60_000,
  min: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  h: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
}

export function parseDuration(text: string): number {
  const match = /^(\d+)\s*([a-z]+)$/.exec(text.trim())
  const unit = match ? UNITS[match[2]!] : undefined
  if (!match || unit === undefined) throw new Error(`unknown duration: ${text}`)
  return Number(match[1]) * unit
}

export class FakeClock implements Clock {
  #now: number
  constructor(start: Date | string = '2026-03-16T09:00:00Z') {
    this.#now = new Date(start).getTime()
  }
  now(): Date {
    return new Date(this.#now)
  }
  advance(by: string | number): void {
    this.#now += typeof by === 'number' ? by : parseDuration(by)
  }
  set(date: Date | string): void {
    this.#now = new Date(date).getTime()
  }
}

export type IdGenerator = () => string

export const randomIds: IdGenerator = () => crypto.randomUUID()

/** Predictable ids for tests: 00000000-0000-4000-8000-000000000001, …02, … */
export function sequentialIds(prefix = 0): IdGenerator {
  let n = 0
  return () => {
    n += 1
    const hex = (prefix * 1_000_000 + n).toString(16).padStart(12, '0')
    return `00000000-0000-4000-8000-${hex}`
  }
}
