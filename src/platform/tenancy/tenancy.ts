import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { findTerritoryByHost, findTerritoryByKey } from './tenancy.repository.ts'
import { normaliseHost, type Territory } from './territory.ts'

const CACHE_MS = 30_000

/**
 * Which territory a request belongs to, from its host name. Read on every request, so lookups
 * are cached briefly: territories change rarely, and several app processes each keep their own
 * cache. Whoever changes a territory calls `forget()`.
 */
export class Tenancy {
  #cache = new Map<string, { territory: Territory | null; until: number }>()

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly defaultTerritory: string | undefined,
  ) {}

  async resolveHost(host: string): Promise<Territory | null> {
    const hostname = normaliseHost(host)
    const now = this.clock.now().getTime()
    const cached = this.#cache.get(hostname)
    if (cached && cached.until > now) return cached.territory
    const territory =
      (await findTerritoryByHost(this.database.db, hostname)) ??
      (this.defaultTerritory ? await findTerritoryByKey(this.database.db, this.defaultTerritory) : null)
    if (this.#cache.size > 1000) this.#cache.clear()
    this.#cache.set(hostname, { territory, until: now + CACHE_MS })
    return territory
  }

  /** By slug or by one of its département codes, as an operator names it on the command line. */
  find(key: string): Promise<Territory | null> {
    return findTerritoryByKey(this.database.db, key)
  }

  forget(): void {
    this.#cache.clear()
  }
}
