import { asc, gt } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { WriteBatch } from '../../platform/db/write-batch.ts'
import {
  actorKey,
  recordStat,
  type StatEventInput,
  statInsert,
} from '../../platform/statistics/record-stat.ts'
import { eventsByTerritory, pagesById, type StatEventPages } from '../../platform/statistics/stat-pages.ts'
import { type Listing, listingsByIds } from '../listings/index.ts'
import type { MatchRow } from './match.repository.ts'
import { matches } from './match.schema.ts'

type Counted = Pick<MatchRow, 'id' | 'territoryId' | 'authorId' | 'responderId'>
type Of = Pick<Listing, 'id' | 'kind' | 'communeInsee' | 'categoryId'>

/**
 * The one who helps: on an ask the person who answered it, on an offer its author (the one who
 * answered an offer is the one helped). The bilan counts helpers, never the people helped.
 */
export function helperOf(
  match: Pick<MatchRow, 'authorId' | 'responderId'>,
  listing: Pick<Listing, 'kind'>,
): string {
  return listing.kind === 'ask' ? match.responderId : match.authorId
}

/** An event of a match, about its listing: the rollups file it under the listing's posting. */
function matchEvent(
  kind: 'listing.responded' | 'listing.fulfilled',
  match: Counted,
  listing: Of,
  at: Date,
): StatEventInput {
  return {
    territoryId: match.territoryId,
    kind,
    subjectId: listing.id,
    occurredAt: at,
    communeInsee: listing.communeInsee,
    categoryId: listing.categoryId,
    actorKey: actorKey(match.territoryId, helperOf(match, listing)),
    dedupeKey: `${kind}:${match.id}`,
  }
}

/**
 * A response was written (on the listing page, or by dispatch's accepted proposal): its event
 * joins the batch the response's transaction runs.
 */
export function recordResponded(tx: DbOrTx, batch: WriteBatch, match: Counted, listing: Of, at: Date): void {
  const insert = statInsert(tx, matchEvent('listing.responded', match, listing, at))
  if (insert) batch.add(insert)
}

/** The author confirmed the help was given, in the transaction of the confirmation. */
export function recordFulfilled(tx: DbOrTx, match: Counted, listing: Of, at: Date): Promise<void> {
  return recordStat(tx, matchEvent('listing.fulfilled', match, listing, at))
}

/**
 * Every response and every confirmed help, for the bilan's catch-up at start, dated by the match:
 * its creation, and its end for one marked done.
 */
export function matchStatEvents(db: DbOrTx): StatEventPages {
  return pagesById(
    (after, limit) =>
      db
        .select({
          id: matches.id,
          territoryId: matches.territoryId,
          listingId: matches.listingId,
          authorId: matches.authorId,
          responderId: matches.responderId,
          status: matches.status,
          createdAt: matches.createdAt,
          endedAt: matches.endedAt,
          doneMarkedAt: matches.doneMarkedAt,
        })
        .from(matches)
        .where(after ? gt(matches.id, after) : undefined)
        .orderBy(asc(matches.id))
        .limit(limit),
    (row) => row.id,
    (rows) =>
      eventsByTerritory(rows, async (territoryId, mine) => {
        const found = await listingsByIds(
          db,
          territoryId,
          mine.map((r) => r.listingId),
        )
        const events: StatEventInput[] = []
        for (const row of mine) {
          const listing = found.get(row.listingId)
          if (!listing) continue
          events.push(matchEvent('listing.responded', row, listing, row.createdAt))
          if (row.status === 'done')
            events.push(
              matchEvent('listing.fulfilled', row, listing, row.endedAt ?? row.doneMarkedAt ?? row.createdAt),
            )
        }
        return events
      }),
  )
}
