import { type Actor, can } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { forbidden, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isUuid, ValidationError } from '../../platform/validation.ts'
import {
  findCategory,
  insertCategories,
  listCategories,
  swapPositions,
  territoriesWithoutCategories,
  updateCategory,
} from './category.repository.ts'
import { type Category, type CategoryInput, categoryIssues, categorySlug, neighbour } from './category.ts'
import { defaultCategoryRows } from './defaults.ts'

function allow(actor: Actor | null): Actor {
  if (!actor || !can(actor, 'category:manage')) throw forbidden()
  return actor
}

const texts = (input: CategoryInput) => ({
  name: { fr: input.nameFr, en: input.nameEn },
  description: { fr: input.descriptionFr, en: input.descriptionEn },
  guidance: { fr: input.guidanceFr, en: input.guidanceEn },
  icon: input.icon,
  crisis: input.crisis,
  needsVerifiedVolunteer: input.needsVerifiedVolunteer,
})

/** A territory's categories: read by everyone, edited by its administrators only. */
export class CategoryService {
  constructor(private readonly services: AppServices) {}

  /** The product's defaults, for a territory that has none yet; `tx` lets territory creation include it. */
  async seedDefaults(territoryId: string, tx: DbOrTx = this.services.database.db): Promise<void> {
    await insertCategories(tx, defaultCategoryRows(territoryId, this.services.ids), this.services.clock.now())
    // Inside a territory's creation nothing can have read its categories yet: no request finds
    // a territory before its transaction commits.
    this.services.categoryCache.forget()
  }

  /** What everyone reads, from the short-lived cache. */
  list(territory: Territory, options: { activeOnly: boolean }): Promise<Category[]> {
    return this.services.categoryCache.list(territory.id, options)
  }

  /** Inactive categories are found too: their listings stay readable. */
  async find(territory: Territory, id: string): Promise<Category | null> {
    if (!isUuid(id)) return null
    return this.services.categoryCache.find(territory.id, id)
  }

  /** Administrators see and change what the database holds now, never a cached copy. */
  async manageList(actor: Actor | null, territory: Territory): Promise<Category[]> {
    allow(actor)
    return listCategories(this.services.database.db, territory.id, { activeOnly: false })
  }

  /** Another territory's category, or an id that names none, is « not found ». */
  async manageFind(actor: Actor | null, territory: Territory, id: string): Promise<Category> {
    allow(actor)
    const found = isUuid(id) ? await findCategory(this.services.database.db, territory.id, id) : null
    if (!found) throw notFound()
    return found
  }

  /** A new category goes last, active; its slug comes from the French name and never changes. */
  async create(actor: Actor | null, territory: Territory, input: CategoryInput): Promise<Category> {
    allow(actor)
    const issues = categoryIssues(input)
    if (issues.length > 0) throw new ValidationError(issues)
    const { database, ids, clock } = this.services
    const existing = await listCategories(database.db, territory.id, { activeOnly: false })
    const category: Category = {
      id: ids(),
      territoryId: territory.id,
      slug: categorySlug(
        input.nameFr,
        existing.map((c) => c.slug),
      ),
      ...texts(input),
      active: true,
      position: Math.max(-1, ...existing.map((c) => c.position)) + 1,
    }
    await insertCategories(database.db, [category], clock.now())
    this.services.categoryCache.forget()
    return category
  }

  async update(actor: Actor | null, territory: Territory, id: string, input: CategoryInput): Promise<void> {
    const me = allow(actor)
    const current = await this.manageFind(me, territory, id)
    const issues = categoryIssues(input)
    if (issues.length > 0) throw new ValidationError(issues)
    await updateCategory(
      this.services.database.db,
      territory.id,
      current.id,
      texts(input),
      this.services.clock.now(),
    )
    this.services.categoryCache.forget()
  }

  /** Swaps with the neighbour above or below; at either end nothing moves. */
  async move(actor: Actor | null, territory: Territory, id: string, direction: 'up' | 'down'): Promise<void> {
    const me = allow(actor)
    const current = await this.manageFind(me, territory, id)
    const ordered = await this.manageList(me, territory)
    const other = neighbour(ordered, current.id, direction)
    if (!other) return
    await swapPositions(this.services.database.db, territory.id, current, other, this.services.clock.now())
    this.services.categoryCache.forget()
  }

  /** Deactivating hides the category from new listings and the API; nothing is deleted. */
  async setActive(actor: Actor | null, territory: Territory, id: string, active: boolean): Promise<void> {
    const me = allow(actor)
    const current = await this.manageFind(me, territory, id)
    if (current.active === active) return
    await updateCategory(
      this.services.database.db,
      territory.id,
      current.id,
      { active },
      this.services.clock.now(),
    )
    this.services.categoryCache.forget()
  }
}

/**
 * Territories created before categories existed have none: give them the defaults. Safe to run
 * at every start, since a territory with at least one category is left alone.
 */
export async function ensureDefaultCategories(services: AppServices): Promise<number> {
  const missing = await territoriesWithoutCategories(services.database.db)
  const categories = new CategoryService(services)
  for (const territoryId of missing) await categories.seedDefaults(territoryId)
  return missing.length
}
