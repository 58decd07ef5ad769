import { and, asc, eq, inArray, notExists } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'
import { categories } from './category.schema.ts'
import type { Category } from './category.ts'

type CategoryRow = typeof categories.$inferSelect

function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    territoryId: row.territoryId,
    slug: row.slug,
    name: row.name,
    description: row.description,
    guidance: row.guidance,
    icon: row.icon,
    crisis: row.crisis,
    needsVerifiedVolunteer: row.needsVerifiedVolunteer,
    active: row.active,
    position: row.position,
  }
}

export async function insertCategories(db: DbOrTx, rows: Category[], now: Date): Promise<void> {
  if (rows.length === 0) return
  await db.insert(categories).values(rows.map((r) => ({ ...r, createdAt: now, updatedAt: now })))
}

/** In the territory's order; inactive ones too unless asked, since their listings stay readable. */
export async function listCategories(
  db: DbOrTx,
  territoryId: string,
  options: { activeOnly: boolean },
): Promise<Category[]> {
  const scope = eq(categories.territoryId, territoryId)
  const rows = await db
    .select()
    .from(categories)
    .where(options.activeOnly ? and(scope, eq(categories.active, true)) : scope)
    .orderBy(asc(categories.position), asc(categories.slug))
  return rows.map(toCategory)
}

/** Always by territory as well as id: another territory's category is not found. */
export async function findCategory(db: DbOrTx, territoryId: string, id: string): Promise<Category | null> {
  const [row] = await db
    .select()
    .from(categories)
    .where(and(eq(categories.territoryId, territoryId), eq(categories.id, id)))
  return row ? toCategory(row) : null
}

export type CategoryChanges = Partial<
  Pick<
    Category,
    'name' | 'description' | 'guidance' | 'icon' | 'crisis' | 'needsVerifiedVolunteer' | 'active'
  >
>

export async function updateCategory(
  db: DbOrTx,
  territoryId: string,
  id: string,
  changes: CategoryChanges,
  now: Date,
): Promise<void> {
  await db
    .update(categories)
    .set({ ...changes, updatedAt: now })
    .where(and(eq(categories.territoryId, territoryId), eq(categories.id, id)))
}

/** Both rows change together or not at all, so two categories never end up sharing a place. */
export async function swapPositions(
  db: DbOrTx,
  territoryId: string,
  a: Pick<Category, 'id' | 'position'>,
  b: Pick<Category, 'id' | 'position'>,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [row, position] of [
      [a, b.position],
      [b, a.position],
    ] as const) {
      await tx
        .update(categories)
        .set({ position, updatedAt: now })
        .where(and(eq(categories.territoryId, territoryId), eq(categories.id, row.id)))
    }
  })
}

/** Territories created before categories existed (the demo one), which still have none. */
export async function territoriesWithoutCategories(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: territories.id })
    .from(territories)
    .where(
      notExists(
        db.select({ id: categories.id }).from(categories).where(eq(categories.territoryId, territories.id)),
      ),
    )
  return rows.map((r) => r.id)
}

/**
 * Opens or closes several categories of the territory at once, in the caller's transaction (crisis
 * mode switching on or off). The caller empties the category cache once its transaction commits.
 */
export async function setCategoriesActive(
  db: DbOrTx,
  territoryId: string,
  ids: readonly string[],
  active: boolean,
  now: Date,
): Promise<void> {
  if (ids.length === 0) return
  await db
    .update(categories)
    .set({ active, updatedAt: now })
    .where(and(eq(categories.territoryId, territoryId), inArray(categories.id, [...ids])))
}
