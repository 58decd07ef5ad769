import { and, asc, eq, getTableColumns, gt, lte, or } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { listings } from './listing.schema.ts'
import type { Listing } from './listing.ts'

export interface PublishedAsk {
  id: string
  territoryId: string
  authorId: string
  title: string
  publishedAt: Date
}

/** Where the previous page of `publishedAsksBefore` ended. */
export interface AskCursor {
  publishedAt: Date
  id: string
}

/**
 * Asks still published and published before `cutoff`, in every territory, oldest first, one page
 * after `after`: what a daily job walks to find the asks nobody answered, whoever owns the answers.
 */
export async function publishedAsksBefore(
  db: DbOrTx,
  cutoff: Date,
  after: AskCursor | null,
  limit: number,
): Promise<PublishedAsk[]> {
  const rows = await db
    .select({
      id: listings.id,
      territoryId: listings.territoryId,
      authorId: listings.authorId,
      title: listings.title,
      publishedAt: listings.publishedAt,
    })
    .from(listings)
    .where(
      and(
        eq(listings.kind, 'ask'),
        eq(listings.status, 'published'),
        lte(listings.publishedAt, cutoff),
        after
          ? or(
              gt(listings.publishedAt, after.publishedAt),
              and(eq(listings.publishedAt, after.publishedAt), gt(listings.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(listings.publishedAt), asc(listings.id))
    .limit(limit)
  // The status filter keeps only published listings, which always carry their publication date.
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt as Date }))
}

/**
 * The asks of one territory still published that the dispatch list considers: those published
 * before `cutoff`, and every relayed ask at once (its person cannot go looking for help), oldest
 * first. Whether someone answered is for matches to say.
 */
export async function waitingAsksOf(
  db: DbOrTx,
  territoryId: string,
  cutoff: Date,
  limit: number,
): Promise<Listing[]> {
  const { searchVector: _, ...columns } = getTableColumns(listings)
  return db
    .select(columns)
    .from(listings)
    .where(
      and(
        eq(listings.territoryId, territoryId),
        eq(listings.kind, 'ask'),
        eq(listings.status, 'published'),
        or(lte(listings.publishedAt, cutoff), eq(listings.relayed, true)),
      ),
    )
    .orderBy(asc(listings.publishedAt), asc(listings.id))
    .limit(limit)
}
