import type { Territory } from '../tenancy/territory.ts'
import { ValidationError } from '../validation.ts'
import {
  COMMUNE_LIMIT_MAX,
  COMMUNE_QUERY_MAX,
  type Commune,
  clampLimit,
  communeQueryProblem,
  INSEE_CODE,
  parseCommuneLabel,
  parseCommuneQuery,
} from './commune.ts'
import { type CommuneIndex, shippedCommuneIndex } from './commune-index.ts'

/** What a form's commune field turned out to mean. */
export type Resolution =
  | { kind: 'one'; commune: Commune }
  | { kind: 'many'; communes: Commune[] }
  | { kind: 'none' }

/**
 * Communes are national reference data, but each platform only ever sees those of its own
 * départements: another territory's commune is « not found », never shown. They are read from
 * memory (CommuneIndex): no request queries the database for them.
 */
export class CommuneService {
  constructor(private readonly index: () => Promise<CommuneIndex> = shippedCommuneIndex) {}

  /** Throws a ValidationError (400 with the reason) when the query is too long to be a search. */
  async search(territory: Territory, query: string, limit?: number): Promise<Commune[]> {
    const problem = communeQueryProblem(query)
    if (problem) throw new ValidationError([{ field: 'q', ...problem }])
    const parsed = parseCommuneQuery(query)
    if (parsed.kind === 'empty') return []
    return (await this.index()).search(parsed, territory.departements, clampLimit(limit))
  }

  async find(territory: Territory, insee: string): Promise<Commune | null> {
    if (!INSEE_CODE.test(insee)) return null
    const commune = (await this.index()).find(insee)
    return commune && territory.departements.includes(commune.departement) ? commune : null
  }

  /** Every commune of the territory: the outline of a map of communes, the names of a breakdown. */
  async ofTerritory(territory: Territory): Promise<Commune[]> {
    return (await this.index()).within(territory.departements)
  }

  /** Whatever its département: a person's own commune, shown back to them. */
  async findAnywhere(insee: string): Promise<Commune | null> {
    return (await this.index()).find(insee)
  }

  /**
   * Reads what a person typed in a commune field, with or without the autocompletion: the
   * label it offers (« Caen (14000) »), a postal code, an INSEE code or a name. Five digits are
   * read as a postal code first, since that is what people know. A former commune's name
   * (« Condé-sur-Noireau ») gives the commune it now belongs to, unless a current commune bears
   * that name. A near miss is never taken silently: it comes back as choices to confirm.
   */
  async resolve(territory: Territory, typedText: string): Promise<Resolution> {
    const text = typedText.trim()
    if (text === '' || text.length > COMMUNE_QUERY_MAX) return { kind: 'none' }
    const index = await this.index()
    const departements = territory.departements
    const label = parseCommuneLabel(text)
    if (label) {
      const current = index.named(label.name, departements)
      const named = current.length > 0 ? current : index.formerlyNamed(label.name, departements)
      const exact = named.filter((c) => c.postalCodes.includes(label.postalCode))
      if (named.length > 0) return this.#resolution(exact.length > 0 ? exact : named)
    }
    const parsed = parseCommuneQuery(text)
    if (parsed.kind === 'postal' && parsed.prefix.length === 5) {
      const candidates = await this.search(territory, parsed.prefix, COMMUNE_LIMIT_MAX)
      const byPostal = candidates.filter((c) => c.postalCodes.includes(parsed.prefix))
      if (byPostal.length > 0) return this.#resolution(byPostal)
    }
    if (INSEE_CODE.test(text.toUpperCase())) {
      const commune = await this.find(territory, text.toUpperCase())
      if (commune) return { kind: 'one', commune }
    }
    if (parsed.kind !== 'name') return { kind: 'none' }
    const named = index.named(parsed.text, departements)
    if (named.length > 0) return this.#resolution(named)
    const formerly = index.formerlyNamed(parsed.text, departements)
    if (formerly.length > 0) return this.#resolution(formerly)
    const candidates = await this.search(territory, text)
    return candidates.length > 0 ? { kind: 'many', communes: candidates } : { kind: 'none' }
  }

  /** km between two communes of the territory, on the database's sphere; null if either is not one. */
  async distanceKm(territory: Territory, inseeA: string, inseeB: string): Promise<number | null> {
    const [a, b] = await Promise.all([this.find(territory, inseeA), this.find(territory, inseeB)])
    if (!a || !b) return null
    return (await this.index()).distanceKm(a.insee, b.insee)
  }

  #resolution(communes: Commune[]): Resolution {
    if (communes.length === 0) return { kind: 'none' }
    if (communes.length === 1) return { kind: 'one', commune: communes[0]! }
    return { kind: 'many', communes }
  }
}
