import type { ScorePart } from './dispatch.schema.ts'

export type { ScorePart }

/** What the ranking knows of one volunteer for one ask; `null` means unknown, which neither helps nor harms. */
export interface PairFacts {
  distanceKm: number
  /** how far the volunteer said they would go (their profile's radius) */
  radiusKm: number
  /** the volunteer declared the ask's category among what they like to help with */
  categoryMatch: boolean
  /** share of the ask's half-days the volunteer is usually free on; null when either side said nothing */
  availabilityShare: number | null
  /** the ask's category needs a verified volunteer (childcare, home visits) and this one is verified */
  verified: boolean
  /** matches in progress the volunteer already has */
  openMatches: number
  /** over 90 days: share of proposals and responses answered, and the median delay in hours */
  answerRate: number | null
  medianAnswerHours: number | null
  /** the volunteer speaks the language of the person who asks */
  languageMatch: boolean
}

/** The weight of each criterion: a perfect pair scores 100. */
export const WEIGHTS = {
  distance: 30,
  category: 20,
  availability: 15,
  verified: 5,
  load: 10,
  responsiveness: 15,
  language: 5,
} as const

const round = (n: number) => Math.round(n * 10) / 10

/**
 * The score of a pair and why: one part per criterion, in points, so that the coordinator reads
 * « 3 km (27 pts), aide déjà aux courses (20 pts), … ». Pure: the same facts give the same score.
 */
export function scorePair(facts: PairFacts): { score: number; parts: ScorePart[] } {
  const reach = Math.max(1, facts.radiusKm)
  const closeness = Math.max(0, 1 - facts.distanceKm / reach)
  const neutral = (weight: number, share: number | null) => (share === null ? weight / 2 : weight * share)
  const rate = facts.answerRate
  const speed =
    facts.medianAnswerHours === null
      ? null
      : facts.medianAnswerHours <= 24
        ? 1
        : facts.medianAnswerHours <= 72
          ? 0.5
          : 0
  const responsiveness = rate === null && speed === null ? null : 0.7 * (rate ?? 0.5) + 0.3 * (speed ?? 0.5)
  const parts: ScorePart[] = [
    {
      criterion: 'distance',
      points: round(WEIGHTS.distance * closeness),
      value: String(Math.round(facts.distanceKm)),
    },
    { criterion: 'category', points: facts.categoryMatch ? WEIGHTS.category : 0 },
    { criterion: 'availability', points: round(neutral(WEIGHTS.availability, facts.availabilityShare)) },
    { criterion: 'verified', points: facts.verified ? WEIGHTS.verified : 0 },
    {
      criterion: 'load',
      points: round(WEIGHTS.load * Math.max(0, 1 - facts.openMatches / 3)),
      value: String(facts.openMatches),
    },
    {
      criterion: 'responsiveness',
      points: round(neutral(WEIGHTS.responsiveness, responsiveness)),
      ...(rate === null ? {} : { value: String(Math.round(rate * 100)) }),
    },
    { criterion: 'language', points: facts.languageMatch ? WEIGHTS.language : 0 },
  ]
  return { score: round(parts.reduce((sum, p) => sum + p.points, 0)), parts }
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
/** The fourteen half-days a volunteer may tick: 'mon-am', 'mon-pm', … 'sun-pm'. */
export const HALF_DAYS = DAYS.flatMap((d) => [`${d}-am`, `${d}-pm`])

export function isHalfDay(value: unknown): value is string {
  return typeof value === 'string' && HALF_DAYS.includes(value)
}

/** Share of the wanted half-days the volunteer is free on; null when either list is empty. */
export function availabilityShare(wanted: readonly string[], free: readonly string[]): number | null {
  if (wanted.length === 0 || free.length === 0) return null
  const set = new Set(free)
  return wanted.filter((h) => set.has(h)).length / wanted.length
}
