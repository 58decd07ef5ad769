import { and, count, eq, isNotNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { listings } from './listing.schema.ts'

/** How many of the author's listings were ever published in the territory, up to `enough`. */
export async function publishedCountOf(
  db: DbOrTx,
  territoryId: string,
  authorId: string,
  enough: number,
): Promise<number> {
  // The author's index walks their listings; counting stops being useful at `enough`.
  const mine = db
    .select({ id: listings.id })
    .from(listings)
    .where(
      and(
        eq(listings.authorId, authorId),
        eq(listings.territoryId, territoryId),
        isNotNull(listings.publishedAt),
      ),
    )
    .limit(enough)
    .as('mine')
  const [row] = await db.select({ n: count() }).from(mine)
  return row?.n ?? 0
}

/**
 * Listings held for a moderator's reading (money wording or the review policy), in every
 * territory: what the queue's start-up catch-up looks for. Those held only by a sanction are not
 * for a moderator to publish; lifting the sanction brings them back.
 */
export function listingsAwaitingReview(db: DbOrTx) {
  return db
    .select({
      id: listings.id,
      territoryId: listings.territoryId,
      authorId: listings.authorId,
      title: listings.title,
      holdReasons: listings.holdReasons,
      createdAt: listings.createdAt,
    })
    .from(listings)
    .where(
      and(
        eq(listings.status, 'held'),
        sql`array_remove(${listings.holdReasons}, 'sanction') <> '{}'::text[]`,
      ),
    )
}
