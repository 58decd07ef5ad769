import { and, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { listings } from './listing.schema.ts'
import { expiryFrom } from './listing.ts'
import { recordPosted } from './listing-stats.ts'

/**
 * A moderator's decision on one listing (rejected, hidden, sent back for a change) was overturned
 * on appeal: the listing is shown again, published if its time is not up, expired otherwise. A
 * listing the author closed or that a suspension holds (`sanction`) is left as it is: the author's
 * choice stands, and lifting the suspension restores those. Returns whether it changed.
 */
export async function reinstateListing(
  db: DbOrTx,
  territoryId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(listings)
    .set({
      status: sql`CASE WHEN ${listings.expiresAt} IS NOT NULL AND ${listings.expiresAt} <= ${now} AND ${listings.publishedAt} IS NOT NULL THEN 'expired' ELSE 'published' END`,
      holdReasons: sql`'{}'::text[]`,
      publishedAt: sql`coalesce(${listings.publishedAt}, ${now})`,
      expiresAt: sql`CASE WHEN ${listings.publishedAt} IS NULL THEN ${expiryFrom(now)} ELSE ${listings.expiresAt} END`,
      closedAt: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(listings.territoryId, territoryId),
        eq(listings.id, id),
        inArray(listings.status, ['held', 'removed']),
        sql`NOT ('sanction' = ANY(${listings.holdReasons}))`,
      ),
    )
    .returning({
      id: listings.id,
      territoryId: listings.territoryId,
      kind: listings.kind,
      communeInsee: listings.communeInsee,
      categoryId: listings.categoryId,
      publishedAt: listings.publishedAt,
    })
  // A listing first published on appeal is posted now; one published before keeps its first date.
  if (rows[0]) await recordPosted(db, rows[0])
  return rows.length > 0
}
