import { and, asc, gt, isNotNull } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { recordStat, type StatEventInput } from '../../platform/statistics/record-stat.ts'
import { pagesById, type StatEventPages } from '../../platform/statistics/stat-pages.ts'
import { listings } from './listing.schema.ts'
import type { Listing } from './listing.ts'

type Posted = Pick<Listing, 'id' | 'territoryId' | 'kind' | 'communeInsee' | 'categoryId' | 'publishedAt'>

/** An ask's or an offer's first publication, dated by it: a later one (reinstated) is the same event. */
function postedEvent(listing: Posted & { publishedAt: Date }): StatEventInput {
  const kind = listing.kind === 'ask' ? 'ask.posted' : 'offer.posted'
  return {
    territoryId: listing.territoryId,
    kind,
    subjectId: listing.id,
    occurredAt: listing.publishedAt,
    communeInsee: listing.communeInsee,
    categoryId: listing.categoryId,
    dedupeKey: `${kind}:${listing.id}`,
  }
}

/**
 * Counts a listing as posted once it has a publication date, in the transaction that gave it one:
 * published at once, by a moderator, by the phone line for a person, or on appeal.
 */
export async function recordPosted(tx: DbOrTx, listing: Posted): Promise<void> {
  if (listing.publishedAt) await recordStat(tx, postedEvent({ ...listing, publishedAt: listing.publishedAt }))
}

/** Every listing ever published, for the bilan's catch-up at start, with the same keys as the live writes. */
export function listingStatEvents(db: DbOrTx): StatEventPages {
  return pagesById(
    (after, limit) =>
      db
        .select({
          id: listings.id,
          territoryId: listings.territoryId,
          kind: listings.kind,
          communeInsee: listings.communeInsee,
          categoryId: listings.categoryId,
          publishedAt: listings.publishedAt,
        })
        .from(listings)
        .where(and(isNotNull(listings.publishedAt), after ? gt(listings.id, after) : undefined))
        .orderBy(asc(listings.id))
        .limit(limit),
    (row) => row.id,
    (rows) => rows.map((row) => postedEvent({ ...row, publishedAt: row.publishedAt! })),
  )
}
