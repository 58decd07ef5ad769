import { and, eq, or } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { blocks, matches } from './match.schema.ts'

export type MatchRow = typeof matches.$inferSelect

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A match of this territory, whoever asks; callers check who may see it. */
export async function findMatch(db: DbOrTx, territoryId: string, id: string): Promise<MatchRow | null> {
  if (!UUID.test(id)) return null
  const [row] = await db
    .select()
    .from(matches)
    .where(and(eq(matches.territoryId, territoryId), eq(matches.id, id)))
  return row ?? null
}

/** The match if this account is one of its two parties; anyone else gets nothing (a 404). */
export async function findMatchForParty(
  db: DbOrTx,
  territoryId: string,
  id: string,
  accountId: string,
): Promise<MatchRow | null> {
  if (!UUID.test(id)) return null
  const [row] = await db
    .select()
    .from(matches)
    .where(
      and(
        eq(matches.territoryId, territoryId),
        eq(matches.id, id),
        or(eq(matches.authorId, accountId), eq(matches.responderId, accountId)),
      ),
    )
  return row ?? null
}

/** The other party of a match, seen from one of them. */
export function otherParty(match: Pick<MatchRow, 'authorId' | 'responderId'>, accountId: string): string {
  return match.authorId === accountId ? match.responderId : match.authorId
}

/** Whether `blockerId` blocked `blockedId`: the blocked one may no longer respond or write to them. */
export async function hasBlocked(db: DbOrTx, blockerId: string, blockedId: string): Promise<boolean> {
  const rows = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)))
  return rows.length > 0
}
