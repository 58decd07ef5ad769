import { and, asc, eq, inArray, min, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { matches, messages } from './match.schema.ts'

// Named with their table, so that inside the subquery a bare « id » is not the message's own.
const matchId = sql`${sql.identifier('matches')}.${sql.identifier('id')}`
const responderId = sql`${sql.identifier('matches')}.${sql.identifier('responder_id')}`
const firstMessage = sql<string>`coalesce((select m.body from ${messages} m where m.match_id = ${matchId} and m.sender_id = ${responderId} order by m.created_at asc limit 1), '')`

/** The responses to one listing with the first words of each, oldest first. */
export function responseRows(db: DbOrTx, territoryId: string, listingId: string) {
  return db
    .select({ match: matches, message: firstMessage })
    .from(matches)
    .where(and(eq(matches.territoryId, territoryId), eq(matches.listingId, listingId)))
    .orderBy(asc(matches.createdAt))
}

/** For each listing: when its first response came, and how many still wait for a decision. */
export async function responseSummaryRows(db: DbOrTx, territoryId: string, listingIds: readonly string[]) {
  if (listingIds.length === 0) return []
  return db
    .select({
      listingId: matches.listingId,
      firstAt: min(matches.createdAt),
      pending: sql<number>`(count(*) filter (where ${matches.status} = 'pending'))::int`,
    })
    .from(matches)
    .where(and(eq(matches.territoryId, territoryId), inArray(matches.listingId, [...listingIds])))
    .groupBy(matches.listingId)
}
