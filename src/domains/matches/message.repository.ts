import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { blocks, conversationMailState, type MatchStatus, matches, messages } from './match.schema.ts'

export type MessageRow = typeof messages.$inferSelect
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export type MailState = { mailedAt: Date | null; mailedUpTo: Date | null }

/** The last `limit` messages of a conversation, oldest first, and whether older ones exist. */
export async function listMessages(
  db: DbOrTx,
  matchId: string,
  limit: number,
): Promise<{ rows: MessageRow[]; truncated: boolean }> {
  const rows = await db
    .select()
    .from(messages)
    .where(eq(messages.matchId, matchId))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit + 1)
  return { rows: rows.slice(0, limit).reverse(), truncated: rows.length > limit }
}

/** A message of a conversation this account is a party of; anyone else gets nothing. */
export async function findMessageForParty(db: DbOrTx, territoryId: string, id: string, accountId: string) {
  const [row] = await db
    .select({ id: messages.id, matchId: messages.matchId, body: messages.body, senderId: messages.senderId })
    .from(messages)
    .innerJoin(matches, eq(matches.id, messages.matchId))
    .where(
      and(
        eq(messages.territoryId, territoryId),
        eq(matches.territoryId, territoryId),
        eq(messages.id, id),
        or(eq(matches.authorId, accountId), eq(matches.responderId, accountId)),
      ),
    )
  return row ?? null
}

/** Several messages of a territory at once, for the list of reports. */
export function findMessages(db: DbOrTx, territoryId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .select({ id: messages.id, body: messages.body, senderId: messages.senderId })
    .from(messages)
    .where(and(eq(messages.territoryId, territoryId), inArray(messages.id, [...new Set(ids)])))
}

/** « Vu »: the reader has now seen every message the other party sent them. */
export async function markSeen(db: DbOrTx, matchId: string, readerId: string, now: Date): Promise<number> {
  const rows = await db
    .update(messages)
    .set({ seenAt: now })
    .where(and(eq(messages.matchId, matchId), ne(messages.senderId, readerId), isNull(messages.seenAt)))
    .returning({ id: messages.id })
  return rows.length
}

export interface WrittenMessage {
  recipientId: string
  createdAt: Date
  /** the recipient's mail state, as locked by this write */
  state: MailState
}

/**
 * Writes a message in one statement, only if its match is in one of `statuses`, the sender is
 * one of its parties and neither party blocked the other: the match's activity is touched (its
 * row lock orders the write after an end decided meanwhile), the recipient's mail state is
 * created if missing and locked until the transaction ends, and the message is stored. Null when
 * any condition fails: nothing is written then.
 *
 * The message is dated after the lock: a mail job that held it and marked messages mailed up to
 * some time never sees this one as already mailed (see queueMessageMail).
 */
export async function writeMessage(
  tx: DbOrTx,
  input: {
    id: string
    territoryId: string
    matchId: string
    senderId: string
    body: string
    now: Date
    statuses: readonly MatchStatus[]
  },
): Promise<WrittenMessage | null> {
  if (!UUID.test(input.matchId)) return null
  const now = input.now.toISOString()
  const me = input.senderId
  const statuses = sql.join(
    input.statuses.map((s) => sql`${s}`),
    sql`, `,
  )
  const result = await tx.execute(sql`
    with m as (
      update ${matches} set last_activity_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      where ${matches.territoryId} = ${input.territoryId} and ${matches.id} = ${input.matchId}
        and ${matches.status} in (${statuses})
        and (${matches.authorId} = ${me} or ${matches.responderId} = ${me})
        and not exists (
          select 1 from ${blocks}
          where (${blocks.blockerId} = ${matches.authorId} and ${blocks.blockedId} = ${matches.responderId})
             or (${blocks.blockerId} = ${matches.responderId} and ${blocks.blockedId} = ${matches.authorId}))
      returning ${matches.id} as id, ${matches.territoryId} as territory_id,
        case when ${matches.authorId} = ${me} then ${matches.responderId} else ${matches.authorId} end as recipient_id
    ), st as (
      insert into ${conversationMailState} (match_id, recipient_id)
      select id, recipient_id from m
      on conflict (match_id, recipient_id) do update set match_id = excluded.match_id
      returning mailed_at, mailed_up_to
    ), msg as (
      insert into ${messages} (id, territory_id, match_id, sender_id, body, created_at)
      select ${input.id}, m.territory_id, m.id, ${me}, ${input.body},
        greatest(${now}::timestamptz, st.mailed_up_to + interval '1 millisecond')
      from m, st
      returning created_at
    )
    select m.recipient_id, st.mailed_at, st.mailed_up_to, msg.created_at from m, st, msg`)
  type Row = {
    recipient_id: string
    mailed_at: string | Date | null
    mailed_up_to: string | Date | null
    created_at: string | Date
  }
  const row = (result as unknown as { rows: Row[] }).rows[0]
  if (!row) return null
  const date = (v: string | Date | null) => (v === null ? null : new Date(v))
  return {
    recipientId: row.recipient_id,
    createdAt: new Date(row.created_at),
    state: { mailedAt: date(row.mailed_at), mailedUpTo: date(row.mailed_up_to) },
  }
}

/**
 * The mail state of one recipient in one conversation, created if missing and locked until the
 * caller's transaction ends: a new message and the job that mails it never decide at the same time.
 */
export async function lockMailState(tx: DbOrTx, matchId: string, recipientId: string): Promise<MailState> {
  await tx.insert(conversationMailState).values({ matchId, recipientId }).onConflictDoNothing()
  const [row] = await tx
    .select({ mailedAt: conversationMailState.mailedAt, mailedUpTo: conversationMailState.mailedUpTo })
    .from(conversationMailState)
    .where(
      and(eq(conversationMailState.matchId, matchId), eq(conversationMailState.recipientId, recipientId)),
    )
    .for('update')
  return row ?? { mailedAt: null, mailedUpTo: null }
}

export async function setMailState(
  tx: DbOrTx,
  matchId: string,
  recipientId: string,
  state: { mailedAt: Date; mailedUpTo: Date },
): Promise<void> {
  await tx
    .insert(conversationMailState)
    .values({ matchId, recipientId, ...state })
    .onConflictDoUpdate({
      target: [conversationMailState.matchId, conversationMailState.recipientId],
      set: state,
    })
}

/** What a recipient has neither seen nor been mailed yet in one conversation, oldest first. */
export function unmailedFor(
  db: DbOrTx,
  matchId: string,
  recipientId: string,
  after: Date | null,
): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.matchId, matchId),
        ne(messages.senderId, recipientId),
        isNull(messages.seenAt),
        after ? gt(messages.createdAt, after) : undefined,
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id))
}

export interface DigestRow {
  recipientId: string
  matchId: string
  territoryId: string
  listingId: string
  senderId: string
  count: number
  lastAt: Date
}

/**
 * For the daily digest: every conversation holding messages that a person has neither seen nor
 * been mailed, one row per conversation and recipient. Who chose « une fois par jour » is the
 * accounts' to say: `dailyDigests` keeps only them.
 */
export async function pendingDigests(db: DbOrTx): Promise<DigestRow[]> {
  const recipient = sql<string>`case when ${messages.senderId} = ${matches.authorId} then ${matches.responderId} else ${matches.authorId} end`
  const rows: DigestRow[] = await db
    .select({
      recipientId: recipient,
      matchId: matches.id,
      territoryId: matches.territoryId,
      listingId: matches.listingId,
      senderId: messages.senderId,
      count: sql<number>`count(*)::int`,
      lastAt: sql<Date>`max(${messages.createdAt})`.mapWith(messages.createdAt),
    })
    .from(messages)
    .innerJoin(matches, eq(matches.id, messages.matchId))
    .leftJoin(
      conversationMailState,
      and(eq(conversationMailState.matchId, matches.id), eq(conversationMailState.recipientId, recipient)),
    )
    .where(
      and(
        isNull(messages.seenAt),
        or(
          isNull(conversationMailState.mailedUpTo),
          gt(messages.createdAt, conversationMailState.mailedUpTo),
        ),
      ),
    )
    .groupBy(recipient, matches.id, matches.territoryId, matches.listingId, messages.senderId)
    .orderBy(recipient, sql`max(${messages.createdAt}) desc`)
  return rows
}

/** Blocks between two people, in each direction. */
export async function blocksBetween(
  db: DbOrTx,
  me: string,
  other: string,
): Promise<{ byMe: boolean; byOther: boolean }> {
  const rows = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, me), eq(blocks.blockedId, other)),
        and(eq(blocks.blockerId, other), eq(blocks.blockedId, me)),
      ),
    )
  return { byMe: rows.some((r) => r.blockerId === me), byOther: rows.some((r) => r.blockerId === other) }
}

export async function insertBlock(
  db: DbOrTx,
  block: { blockerId: string; blockedId: string; territoryId: string; createdAt: Date },
): Promise<void> {
  await db.insert(blocks).values(block).onConflictDoNothing()
}

export async function deleteBlock(db: DbOrTx, blockerId: string, blockedId: string): Promise<void> {
  await db.delete(blocks).where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)))
}
