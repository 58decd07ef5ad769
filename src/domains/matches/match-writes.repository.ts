import { and, asc, type Column, count, desc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { MatchRow } from './match.repository.ts'
import { blocks, type MatchStatus, matches, messages } from './match.schema.ts'

export type NewMatch = typeof matches.$inferInsert
export type NewMessage = typeof messages.$inferInsert

/** The response and its first message are one write: a match never exists without what was said. */
export async function insertMatch(tx: DbOrTx, match: NewMatch, first: NewMessage): Promise<void> {
  await tx.insert(matches).values(match)
  await tx.insert(messages).values(first)
}

/** `(columns) select values`: a row's values, each encoded as its column stores it, for an INSERT … SELECT. */
function rowSql(table: typeof matches | typeof messages, row: Record<string, unknown>) {
  const columns = getTableColumns(table) as Record<string, Column>
  const keys = Object.keys(row).filter((k) => columns[k] && row[k] !== undefined)
  return {
    names: sql.join(
      keys.map((k) => sql.identifier(columns[k]!.name)),
      sql`, `,
    ),
    values: sql.join(
      keys.map((k) => sql.param(row[k], columns[k])),
      sql`, `,
    ),
  }
}

/**
 * A response and its first message in one statement, unless the listing's author blocked the
 * responder or this person already answered the listing: false then, and nothing is written.
 * A second response sent at the same moment waits for the first and writes nothing, rather than
 * failing: a failed statement would spoil the caller's whole transaction (dispatch accepts a
 * proposal in the one that writes the response).
 */
export async function insertResponse(tx: DbOrTx, match: NewMatch, first: NewMessage): Promise<boolean> {
  const m = rowSql(matches, match)
  const f = rowSql(messages, first)
  const result = await tx.execute(sql`
    with m as (
      insert into ${matches} (${m.names})
      select ${m.values}
      where not exists (
        select 1 from ${blocks}
        where ${blocks.blockerId} = ${match.authorId} and ${blocks.blockedId} = ${match.responderId})
      on conflict (listing_id, responder_id) do nothing
      returning 1
    )
    insert into ${messages} (${f.names}) select ${f.values} from m
    returning 1 as written`)
  return (result as unknown as { rows: unknown[] }).rows.length > 0
}

export async function findResponse(
  db: DbOrTx,
  territoryId: string,
  listingId: string,
  responderId: string,
): Promise<MatchRow | null> {
  const [row] = await db
    .select()
    .from(matches)
    .where(
      and(
        eq(matches.territoryId, territoryId),
        eq(matches.listingId, listingId),
        eq(matches.responderId, responderId),
      ),
    )
  return row ?? null
}

export type MatchChanges = Partial<
  Omit<NewMatch, 'id' | 'territoryId' | 'listingId' | 'authorId' | 'responderId' | 'createdAt'>
>

/**
 * Changes a match only if it is still in one of `statuses` and, when given, still has this author
 * or responder: the check and the write are one statement, so of two simultaneous acceptances
 * exactly one finds the match pending.
 */
export async function updateMatch(
  db: DbOrTx,
  where: {
    territoryId: string
    id: string
    statuses: readonly MatchStatus[]
    authorId?: string
    responderId?: string
    partyId?: string
    /** and fewer than `max` matches of its listing are in `statuses` (the listing's capacity) */
    room?: { statuses: readonly MatchStatus[]; max: number }
  },
  changes: MatchChanges,
): Promise<MatchRow | null> {
  const room = where.room
  const rows = await db
    .update(matches)
    .set(changes)
    .where(
      and(
        eq(matches.territoryId, where.territoryId),
        eq(matches.id, where.id),
        inArray(matches.status, [...where.statuses]),
        where.authorId ? eq(matches.authorId, where.authorId) : undefined,
        where.responderId ? eq(matches.responderId, where.responderId) : undefined,
        where.partyId
          ? or(eq(matches.authorId, where.partyId), eq(matches.responderId, where.partyId))
          : undefined,
        room
          ? sql`(select count(*)::int from ${matches} others where others.listing_id = ${matches.listingId} and others.status in (${sql.join(
              room.statuses.map((s) => sql`${s}`),
              sql`, `,
            )})) < ${room.max}::int`
          : undefined,
      ),
    )
    .returning()
  return rows[0] ?? null
}

/** The first message of a match by its responder: the response itself. */
export async function findResponseMessage(db: DbOrTx, match: Pick<MatchRow, 'id' | 'responderId'>) {
  const [row] = await db
    .select({ body: messages.body, createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.matchId, match.id), eq(messages.senderId, match.responderId)))
    .orderBy(asc(messages.createdAt))
    .limit(1)
  return row ? { message: row.body, createdAt: row.createdAt } : null
}

// Named with their table: a query without a join would print the outer columns bare, and inside
// the subquery a bare « id » would be the message's own.
const matchIdColumn = sql`${sql.identifier('matches')}.${sql.identifier('id')}`
const responderIdColumn = sql`${sql.identifier('matches')}.${sql.identifier('responder_id')}`
const responseBody = sql<string>`coalesce((select m.body from ${messages} m where m.match_id = ${matchIdColumn} and m.sender_id = ${responderIdColumn} order by m.created_at asc limit 1), '')`

/**
 * Both sides of « mes mises en relation »: newest activity first, with the messages not yet read.
 * The listing and the names are their owners' to give.
 */
export function listMatchesOf(db: DbOrTx, territoryId: string, accountId: string) {
  return db
    .select({
      match: matches,
      unread: sql<number>`(select count(*) from ${messages} m where m.match_id = ${matchIdColumn} and m.sender_id <> ${accountId} and m.seen_at is null)::int`,
    })
    .from(matches)
    .where(
      and(
        eq(matches.territoryId, territoryId),
        or(eq(matches.authorId, accountId), eq(matches.responderId, accountId)),
      ),
    )
    .orderBy(desc(matches.lastActivityAt), desc(matches.createdAt))
}

/** The responses to one listing, for its author: oldest first, as they arrived. */
export function listResponses(db: DbOrTx, territoryId: string, listingId: string) {
  return db
    .select({ match: matches, message: responseBody })
    .from(matches)
    .where(and(eq(matches.territoryId, territoryId), eq(matches.listingId, listingId)))
    .orderBy(asc(matches.createdAt))
}

/** Thanks their authors chose to make public, shown on the listing. */
export function listPublicThanks(db: DbOrTx, territoryId: string, listingId: string) {
  return db
    .select({
      authorId: matches.authorId,
      responderId: matches.responderId,
      text: sql<string>`${matches.thanks}`,
      at: matches.updatedAt,
    })
    .from(matches)
    .where(
      and(
        eq(matches.territoryId, territoryId),
        eq(matches.listingId, listingId),
        eq(matches.status, 'done'),
        eq(matches.thanksPublic, true),
        sql`${matches.thanks} is not null`,
      ),
    )
    .orderBy(asc(matches.updatedAt))
}

/** How many responses each listing has, and how many still wait for a decision. */
export async function countResponses(db: DbOrTx, territoryId: string, listingIds: string[]) {
  if (listingIds.length === 0) return new Map<string, { total: number; pending: number }>()
  const rows = await db
    .select({
      listingId: matches.listingId,
      total: count(),
      pending: sql<number>`(count(*) filter (where ${matches.status} = 'pending'))::int`,
    })
    .from(matches)
    .where(and(eq(matches.territoryId, territoryId), inArray(matches.listingId, listingIds)))
    .groupBy(matches.listingId)
  return new Map(rows.map((r) => [r.listingId, { total: r.total, pending: r.pending }]))
}
