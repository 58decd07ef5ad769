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

interface Entry {
  commune: Commune
  /** lower case, no accents, hyphens and apostrophes as spaces: what people type */
  searchName: string
  /** read on the first misspelt search of its département: most are never searched by a process */
  trigrams?: Uint16Array
}

/**
 * The communes of France in memory. They change only with a new release of the shipped file,
 * so every lookup a request makes (by code, name or postal code, the autocompletion, distances)
 * is answered here instead of by a query. Held by département, since a territory only ever
 * searches its own few.
 */
export class CommuneIndex {
  readonly #byInsee = new Map<string, Entry>()
  readonly #byDepartement = new Map<string, Entry[]>()

  constructor(all: readonly Commune[]) {
    for (const commune of all) {
      const searchName = normaliseCommuneName(commune.name)
      const entry: Entry = { commune, searchName }
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
      .sort((a, b) => b.population - a.population || compare(a.insee, b.insee))
  }

  /**
   * A postal code matches by prefix; a name first by exact, then starting, then inner-word, then
   * anywhere, then by trigram likeness for misspellings; within each, by likeness, then
   * population so the town people mean comes first.
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
    const ranked: { commune: Commune; rank: number; likeness: number }[] = []
    for (const entry of this.#in(departements)) {
      const { commune, searchName } = entry
      entry.trigrams ??= trigramCodes(searchName)
      const trigrams = entry.trigrams
      const inside = searchName.includes(text)
      if (!inside && typed.upperBound(trigrams) < FUZZY_THRESHOLD) continue
      const likeness = typed.similarity(trigrams)
      if (!inside && likeness < FUZZY_THRESHOLD) continue
      ranked.push({ commune, rank: rankOf(searchName, text), likeness })
    }
    return ranked
      .sort((a, b) => a.rank - b.rank || b.likeness - a.likeness || byPopulation(a.commune, b.commune))
      .slice(0, limit)
      .map((r) => r.commune)
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

function rankOf(searchName: string, text: string): number {
  if (searchName === text) return 0
  if (searchName.startsWith(text)) return 1
  if (searchName.includes(` ${text}`)) return 2
  if (searchName.includes(text)) return 3
  return 4
}

/** Code point order, the same on every machine (the names' order only breaks population ties). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byPopulation = (a: Commune, b: Commune) => b.population - a.population || compare(a.name, b.name)

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
