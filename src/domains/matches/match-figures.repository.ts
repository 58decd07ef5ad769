import { and, eq, inArray, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { idArray } from '../../platform/db/id-array.ts'
import { blocks, matches } from './match.schema.ts'

/** How many responses these listings received, whatever became of them (a crisis's figures). */
export async function responsesTo(db: DbOrTx, listingIds: readonly string[]): Promise<number> {
  if (listingIds.length === 0) return 0
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(matches)
    .where(inArray(matches.listingId, [...listingIds]))
  return row?.n ?? 0
}

/** Matches in progress (a response waiting or accepted) of each of these people as helper: their load. */
export async function openMatchCounts(
  db: DbOrTx,
  territoryId: string,
  accountIds: readonly string[],
): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map()
  const rows = await db
    .select({ id: matches.responderId, n: sql<number>`count(*)::int` })
    .from(matches)
    .where(
      and(
        eq(matches.territoryId, territoryId),
        sql`${matches.responderId} = any(${idArray(accountIds)})`,
        inArray(matches.status, ['pending', 'accepted']),
      ),
    )
    .groupBy(matches.responderId)
  return new Map(rows.map((r) => [r.id, r.n]))
}

/** Of these pairs, the people the other blocked, either way: no proposal between them. */
export async function blockedBetween(
  db: DbOrTx,
  personId: string,
  others: readonly string[],
): Promise<Set<string>> {
  if (others.length === 0) return new Set()
  const list = idArray(others)
  const rows = await db
    .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, personId), sql`${blocks.blockedId} = any(${list})`),
        and(eq(blocks.blockedId, personId), sql`${blocks.blockerId} = any(${list})`),
      ),
    )
  return new Set(rows.map((r) => (r.blockerId === personId ? r.blockedId : r.blockerId)))
}

/**
 * Every block, either way, between someone of `people` and someone of `others`, in one query
 * whatever their numbers (bulk dispatch: every ask's author against every candidate). Each pair
 * is in the set as « a b » in both orders, so asking for « author volunteer » answers either way.
 */
export async function blockedPairs(
  db: DbOrTx,
  people: readonly string[],
  others: readonly string[],
): Promise<Set<string>> {
  if (people.length === 0 || others.length === 0) return new Set()
  const [a, b] = [idArray(people), idArray(others)]
  const rows = await db
    .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
    .from(blocks)
    .where(
      or(
        and(sql`${blocks.blockerId} = any(${a})`, sql`${blocks.blockedId} = any(${b})`),
        and(sql`${blocks.blockedId} = any(${a})`, sql`${blocks.blockerId} = any(${b})`),
      ),
    )
  return new Set(rows.flatMap((r) => [`${r.blockerId} ${r.blockedId}`, `${r.blockedId} ${r.blockerId}`]))
}

/** The matches a person took part in, either side, whose help was confirmed: who helped is the listing's to say. */
export function confirmedMatchesOf(db: DbOrTx, territoryId: string, accountId: string) {
  return db
    .select({
      listingId: matches.listingId,
      authorId: matches.authorId,
      responderId: matches.responderId,
    })
    .from(matches)
    .where(
      and(
        eq(matches.territoryId, territoryId),
        eq(matches.status, 'done'),
        or(eq(matches.authorId, accountId), eq(matches.responderId, accountId)),
      ),
    )
}
