import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { listings } from './listing.schema.ts'

/**
 * A suspended or banned person's published listings leave the search and the pages at once:
 * they go back to `held`, marked with the reason `sanction`, so that lifting the sanction can
 * bring back exactly these. Returns their ids.
 */
export async function hideListingsOf(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
  now: Date,
): Promise<string[]> {
  const rows = await db
    .update(listings)
    .set({
      status: 'held',
      holdReasons: sql`array_append(array_remove(${listings.holdReasons}, 'sanction'), 'sanction')`,
      updatedAt: now,
    })
    .where(
      and(
        eq(listings.territoryId, territoryId),
        eq(listings.authorId, accountId),
        eq(listings.status, 'published'),
      ),
    )
    .returning({ id: listings.id })
  return rows.map((r) => r.id)
}

/**
 * When the sanction is lifted, the listings it hid come back: published again if their time is
 * not up, expired otherwise. Listings held for another reason as well stay held for that one.
 */
export async function restoreListingsOf(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
  now: Date,
): Promise<string[]> {
  const rows = await db
    .update(listings)
    .set({
      status: sql`CASE
        WHEN array_remove(${listings.holdReasons}, 'sanction') <> '{}'::text[] THEN 'held'
        WHEN ${listings.expiresAt} IS NOT NULL AND ${listings.expiresAt} <= ${now} THEN 'expired'
        ELSE 'published' END`,
      holdReasons: sql`array_remove(${listings.holdReasons}, 'sanction')`,
      updatedAt: now,
    })
    .where(
      and(
        eq(listings.territoryId, territoryId),
        eq(listings.authorId, accountId),
        eq(listings.status, 'held'),
        sql`'sanction' = ANY(${listings.holdReasons})`,
      ),
    )
    .returning({ id: listings.id })
  return rows.map((r) => r.id)
}
