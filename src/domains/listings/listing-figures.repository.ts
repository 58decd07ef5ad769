import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { listings } from './listing.schema.ts'

/** What a period gathered in some categories: the listings posted (their ids) and the asks met. */
export interface ListingFigures {
  ids: string[]
  posted: number
  asksFulfilled: number
}

/**
 * The listings created in these categories of the territory between `from` and `to` (a crisis's
 * figures), whatever became of them since, in one statement.
 */
export async function listingFigures(
  db: DbOrTx,
  territoryId: string,
  categoryIds: readonly string[],
  from: Date,
  to: Date,
): Promise<ListingFigures> {
  if (categoryIds.length === 0) return { ids: [], posted: 0, asksFulfilled: 0 }
  const rows = await db
    .select({
      id: listings.id,
      fulfilled: sql<boolean>`${listings.kind} = 'ask' and ${listings.status} = 'fulfilled'`,
    })
    .from(listings)
    .where(
      and(
        eq(listings.territoryId, territoryId),
        inArray(listings.categoryId, [...categoryIds]),
        gte(listings.createdAt, from),
        lte(listings.createdAt, to),
      ),
    )
  return {
    ids: rows.map((r) => r.id),
    posted: rows.length,
    asksFulfilled: rows.filter((r) => r.fulfilled).length,
  }
}
