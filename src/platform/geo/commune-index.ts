import type { Commune, CommuneQuery } from './commune.ts'
import { readCommunesFile } from './communes.dataset.ts'
import { haversineKm } from './distance.ts'
import { normaliseCommuneName } from './normalise.ts'
import { TrigramQuery, trigramCodes } from './trigram.ts'

/**
 * Below this, a trigram match is more noise than misspelling (« lisieu » → Lisieux scores about
 * 0.86); at float4 precision, as the database compares it.
 */
const FUZZY_THRESHOLD = Math.fround(0.45)

interface Name {
  /** lower case, no accents, hyphens and apostrophes as spaces: what people type */
  searchName: string
  /** read on the first misspelt search of its département: most are never searched by a process */
  trigrams?: Uint16Array
}

interface FormerName extends Name {
  /** as written: « Condé-sur-Noireau » */
  name: string
}

interface Entry extends Name {
  commune: Commune
  /** only on the few communes that absorbed others, so the other 33,000 cost nothing more */
  former?: FormerName[]
}

interface Match {
  rank: number
  likeness: number
  /** the former name matched; undefined for the current name */
  former: string | undefined
}

/**
 * The communes of France in memory. They change only with a new release of the shipped file,
 * so every lookup a request makes (by code, name or postal code, the autocompletion, distances)
 * is answered here instead of by a query. Held by département, since a territory only ever
 * searches its own few. Each commune is also found by the names of the former communes that now
 * belong to it, in its own département only.
 */
export class CommuneIndex {
  readonly #byInsee = new Map<string, Entry>()
  readonly #byDepartement = new Map<string, Entry[]>()

  constructor(all: readonly Commune[]) {
    for (const commune of all) {
      const searchName = normaliseCommuneName(commune.name)
      const entry: Entry = { commune, searchName }
      if (commune.formerNames?.length)
        entry.former = commune.formerNames.map((name) => ({ name, searchName: normaliseCommuneName(name) }))
      this.#byInsee.set(commune.insee, entry)
      const list = this.#byDepartement.get(commune.departement)
      if (list) list.push(entry)
      else this.#byDepartement.set(commune.departement, [entry])
    }
  }

  get size(): number {
    return this.#byInsee.size
  }

  find(insee: string): Commune | null {
    return this.#byInsee.get(insee)?.commune ?? null
  }

  /** Communes of the given départements whose name, once normalised, is exactly the one typed. */
  named(name: string, departements: readonly string[]): Commune[] {
    const wanted = normaliseCommuneName(name)
    return this.#in(departements)
      .filter((e) => e.searchName === wanted)
      .map((e) => e.commune)
      .sort(byPopulationThenCode)
  }

  /**
   * Communes of the given départements one of whose former communes bore exactly the name typed,
   * each carrying that name as written (`formerName`), for the page to say why it is offered.
   */
  formerlyNamed(name: string, departements: readonly string[]): Commune[] {
    const wanted = normaliseCommuneName(name)
    const found: Commune[] = []
    for (const entry of this.#in(departements)) {
      const former = entry.former?.find((f) => f.searchName === wanted)
      if (former) found.push({ ...entry.commune, formerName: former.name })
    }
    return found.sort(byPopulationThenCode)
  }

  /**
   * A postal code matches by prefix; a name first by exact, then starting, then inner-word, then
   * anywhere, then by trigram likeness for misspellings; within each, by likeness, then
   * population so the town people mean comes first. A commune is listed once, by the best of its
   * current and former names; matched the same way, a current name comes before a former one.
   */
  search(query: Exclude<CommuneQuery, { kind: 'empty' }>, departements: readonly string[], limit: number) {
    if (query.kind === 'postal') {
      return this.#in(departements)
        .filter((e) => e.commune.postalCodes.some((pc) => pc.startsWith(query.prefix)))
        .map((e) => e.commune)
        .sort(byPopulation)
        .slice(0, limit)
    }
    const text = query.text
    const typed = new TrigramQuery(text)
    const ranked: (Match & { commune: Commune })[] = []
    for (const entry of this.#in(departements)) {
      let best = match(entry, text, typed, undefined)
      for (const former of entry.former ?? []) {
        const other = match(former, text, typed, former.name)
        if (other && (!best || compareMatches(other, best) < 0)) best = other
      }
      if (!best) continue
      const commune = best.former ? { ...entry.commune, formerName: best.former } : entry.commune
      ranked.push({ ...best, commune })
    }
    return ranked
      .sort((a, b) => compareMatches(a, b) || byPopulation(a.commune, b.commune))
      .slice(0, limit)
      .map((r) => r.commune)
  }

  /** Every current commune of the given départements (a map's outline), in no particular order. */
  within(departements: readonly string[]): Commune[] {
    return this.#in(departements).map((e) => e.commune)
  }

  /** Great-circle distance in km on earthdistance's sphere; null if a code is unknown. */
  distanceKm(a: string, b: string): number | null {
    const x = this.find(a)
    const y = this.find(b)
    return x && y ? haversineKm(x, y) : null
  }

  #in(departements: readonly string[]): Entry[] {
    return departements.flatMap((d) => this.#byDepartement.get(d) ?? [])
  }
}

/** How a name matches what was typed; null when it does not at all. */
function match(name: Name, text: string, typed: TrigramQuery, former: string | undefined): Match | null {
  name.trigrams ??= trigramCodes(name.searchName)
  const inside = name.searchName.includes(text)
  if (!inside && typed.upperBound(name.trigrams) < FUZZY_THRESHOLD) return null
  const likeness = typed.similarity(name.trigrams)
  if (!inside && likeness < FUZZY_THRESHOLD) return null
  return { rank: rankOf(name.searchName, text), likeness, former }
}

const MISSPELT = 4

/**
 * By rank, then likeness. A current name comes before a former one of the same rank; among
 * misspellings only after likeness, so that « conde sur noirau » offers Condé-sur-Noireau's
 * commune before a current name it merely resembles.
 */
function compareMatches(a: Match, b: Match): number {
  const formerA = a.former === undefined ? 0 : 1
  const formerB = b.former === undefined ? 0 : 1
  return (
    a.rank - b.rank ||
    (a.rank < MISSPELT ? formerA - formerB : 0) ||
    b.likeness - a.likeness ||
    formerA - formerB
  )
}

function rankOf(searchName: string, text: string): number {
  if (searchName === text) return 0
  if (searchName.startsWith(text)) return 1
  if (searchName.includes(` ${text}`)) return 2
  if (searchName.includes(text)) return 3
  return MISSPELT
}

/** Code point order, the same on every machine (the names' order only breaks population ties). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byPopulation = (a: Commune, b: Commune) => b.population - a.population || compare(a.name, b.name)
const byPopulationThenCode = (a: Commune, b: Commune) =>
  b.population - a.population || compare(a.insee, b.insee)

let shipped: Promise<CommuneIndex> | null = null

/**
 * The shipped file, read once per process on first use and shared by every app in it: it is the
 * file the database's table is loaded from at start (communes.dataset.ts), so both hold the same.
 */
export function shippedCommuneIndex(): Promise<CommuneIndex> {
  shipped ??= readCommunesFile().then(
    (all) => new CommuneIndex(all),
    (error) => {
      shipped = null
      throw error
    },
  )
  return shipped
}
