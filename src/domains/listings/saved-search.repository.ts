import { and, asc, count, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { listings } from './listing.schema.ts'
import { type AlertFrequency, savedSearches } from './saved-search.schema.ts'
import type { SearchKind } from './search.ts'

/**
 * Its kind column is plain text, so it holds « mission » as well as the listing kinds: the
 * schema's type names listings only, the row says what the search filter accepts.
 */
export type SavedSearchRow = Omit<typeof savedSearches.$inferSelect, 'kind'> & { kind: SearchKind | null }

export async function insertSavedSearch(db: DbOrTx, row: SavedSearchRow): Promise<void> {
  await db.insert(savedSearches).values(row as typeof savedSearches.$inferInsert)
}

export async function listSavedSearches(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
): Promise<SavedSearchRow[]> {
  return db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.territoryId, territoryId), eq(savedSearches.accountId, accountId)))
    .orderBy(asc(savedSearches.createdAt), asc(savedSearches.id)) as Promise<SavedSearchRow[]>
}

export async function countSavedSearches(db: DbOrTx, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(savedSearches)
    .where(eq(savedSearches.accountId, accountId))
  return Number(row?.n ?? 0)
}

/** Only the owner's own, in the territory of the request: any other id is « not found ». */
export async function deleteOwnSavedSearch(
  db: DbOrTx,
  ids: { id: string; territoryId: string; accountId: string },
): Promise<boolean> {
  const deleted = await db
    .delete(savedSearches)
    .where(
      and(
        eq(savedSearches.id, ids.id),
        eq(savedSearches.territoryId, ids.territoryId),
        eq(savedSearches.accountId, ids.accountId),
      ),
    )
    .returning({ id: savedSearches.id })
  return deleted.length > 0
}

export async function findSavedSearchByTokenHash(db: DbOrTx, hash: string): Promise<SavedSearchRow | null> {
  const [row] = await db.select().from(savedSearches).where(eq(savedSearches.unsubscribeTokenHash, hash))
  return (row as SavedSearchRow | undefined) ?? null
}

export async function deleteSavedSearchById(db: DbOrTx, id: string): Promise<void> {
  await db.delete(savedSearches).where(eq(savedSearches.id, id))
}

export async function markNotified(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(savedSearches).set({ lastNotifiedAt: at }).where(eq(savedSearches.id, id))
}

/**
 * The alerts of a frequency, in a stable order; `territoryId` narrows to one territory (immediate
 * alerts of a new listing). Whether each owner may receive mail is the accounts' to say.
 */
export async function savedSearchesFor(
  db: DbOrTx,
  options: { frequency: AlertFrequency; territoryId?: string; excludeAccountId?: string },
): Promise<SavedSearchRow[]> {
  return db
    .select()
    .from(savedSearches)
    .where(
      and(
        eq(savedSearches.frequency, options.frequency),
        options.territoryId ? eq(savedSearches.territoryId, options.territoryId) : undefined,
        options.excludeAccountId ? sql`${savedSearches.accountId} <> ${options.excludeAccountId}` : undefined,
      ),
    )
    .orderBy(asc(savedSearches.id)) as Promise<SavedSearchRow[]>
}

/** The territory and author of a listing, for the immediate alerts of its publication. */
export async function listingForAlerts(
  db: DbOrTx,
  id: string,
): Promise<{ territoryId: string; authorId: string; status: string } | null> {
  const [row] = await db
    .select({ territoryId: listings.territoryId, authorId: listings.authorId, status: listings.status })
    .from(listings)
    .where(eq(listings.id, id))
  return row ?? null
}

/** Ids of the territory's categories named by slug or id. */
export async function categoryIdsOf(db: DbOrTx, territoryId: string, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return []
  const result = await db.execute(sql`
    select id from categories where territory_id = ${territoryId}
      and (slug in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}) or id::text in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}))`)
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id)
}

export async function categorySlugsOf(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const result = await db.execute(sql`
    select slug from categories where id::text in (${sql.join(
      ids.map((k) => sql`${k}`),
      sql`, `,
    )}) order by position, slug`)
  return (result as unknown as { rows: { slug: string }[] }).rows.map((r) => r.slug)
}
