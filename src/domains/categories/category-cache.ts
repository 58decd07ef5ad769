import type { Clock } from '../../platform/clock.ts'
import type { Database } from '../../platform/db/client.ts'
import { listCategories } from './category.repository.ts'
import type { Category } from './category.ts'

const CACHE_MS = 30_000

/**
 * A territory's categories as the pages show them, read once per territory and kept briefly:
 * every listing and search page names them, and they change a few times a year. CategoryService
 * empties the cache as soon as it has written a change in this process; another process sees the
 * change within CACHE_MS (docs/SCALING.md). Keyed by territory: one never gets another's list.
 */
export class CategoryCache {
  #byTerritory = new Map<string, { categories: Category[]; until: number }>()
  /** bumped by forget(), so a read that began before a change never stores what it read */
  #generation = 0

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /** In the territory's order; inactive ones too unless asked, since their listings stay readable. */
  async list(territoryId: string, options: { activeOnly: boolean }): Promise<Category[]> {
    const { categories: all } = await this.#read(territoryId)
    return options.activeOnly ? all.filter((c) => c.active) : [...all]
  }

  /**
   * Another territory's category, or an id that names none, is not found. Categories are never
   * deleted, so an id the cached list lacks (one added by another process) reads the list again.
   */
  async find(territoryId: string, id: string): Promise<Category | null> {
    const first = await this.#read(territoryId)
    const found = first.categories.find((c) => c.id === id)
    if (found || first.fresh) return found ?? null
    return (await this.#read(territoryId, { reload: true })).categories.find((c) => c.id === id) ?? null
  }

  forget(): void {
    this.#generation++
    this.#byTerritory.clear()
  }

  async #read(
    territoryId: string,
    options: { reload?: boolean } = {},
  ): Promise<{ categories: Category[]; fresh: boolean }> {
    const now = this.clock.now().getTime()
    const cached = this.#byTerritory.get(territoryId)
    if (cached && cached.until > now && !options.reload)
      return { categories: cached.categories, fresh: false }
    const generation = this.#generation
    const categories = await listCategories(this.database.db, territoryId, { activeOnly: false })
    if (generation === this.#generation) {
      if (this.#byTerritory.size > 1000) this.#byTerritory.clear()
      this.#byTerritory.set(territoryId, { categories, until: now + CACHE_MS })
    }
    return { categories, fresh: true }
  }
}

declare module '../../platform/services.ts' {
  interface AppServices {
    /** a territory's categories for the pages that show them; CategoryService writes and forgets */
    categoryCache: CategoryCache
  }
}
