// Which callers the platform proposes for a person, best first: a pure function, so the order is
// the same for the same facts and can be tested without a database.

/** What the ranking needs to know of the person to call. */
export interface PersonToPair {
  communeInsee: string
  language: string
  preferredTimes: string | null
}

/** What the ranking needs to know of a caller; the service works out the distance. */
export interface CallerCandidate {
  id: string
  name: string
  communes: string[]
  languages: string[]
  availability: string | null
  capacity: number
  /** people the caller follows now */
  load: number
  /** km from the caller's nearest commune to the person's; null when unknown */
  distanceKm: number | null
}

export interface Proposal {
  caller: CallerCandidate
  sameCommune: boolean
  sharedLanguage: boolean
  timesMatch: boolean
}

/** Words people use for moments of the week; two texts « match » when they share one. */
const MOMENTS = [
  'matin',
  'midi',
  'apres-midi',
  'soir',
  'semaine',
  'week-end',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
] as const

function momentsOf(text: string): Set<string> {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/apres[\s-]?midi/g, 'apres-midi')
    .replace(/week[\s-]?end/g, 'week-end')
  const words = new Set(plain.split(/[^a-z-]+/))
  return new Set(MOMENTS.filter((m) => words.has(m)))
}

/** No stated times on either side fits anything; otherwise they must share a moment. */
export function timesMatch(preferred: string | null, availability: string | null): boolean {
  if (!preferred || !availability) return true
  const a = momentsOf(preferred)
  const b = momentsOf(availability)
  if (a.size === 0 || b.size === 0) return true
  return [...a].some((m) => b.has(m))
}

/** Near enough that distance should not outrank a shared language: same band, same rank. */
function distanceBand(sameCommune: boolean, km: number | null): number {
  if (sameCommune) return 0
  if (km === null) return 3
  if (km <= 10) return 1
  if (km <= 30) return 2
  return 3
}

/**
 * Callers with room, ranked by: the person's commune among the caller's (then distance, in bands
 * of 10 and 30 km), a shared language, times that fit, the lightest load, the exact distance, and
 * the id, so ties always fall the same way.
 */
export function rankCallers(person: PersonToPair, callers: readonly CallerCandidate[]): Proposal[] {
  const proposals = callers
    .filter((c) => c.load < c.capacity)
    .map((caller) => ({
      caller,
      sameCommune: caller.communes.includes(person.communeInsee),
      sharedLanguage: caller.languages.includes(person.language),
      timesMatch: timesMatch(person.preferredTimes, caller.availability),
    }))
  const key = (p: Proposal) => [
    distanceBand(p.sameCommune, p.caller.distanceKm),
    p.sharedLanguage ? 0 : 1,
    p.timesMatch ? 0 : 1,
    p.caller.load / p.caller.capacity,
    p.caller.distanceKm ?? Number.POSITIVE_INFINITY,
  ]
  return proposals.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1
    return a.caller.id < b.caller.id ? -1 : a.caller.id > b.caller.id ? 1 : 0
  })
}
