import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { matches, messages } from './match.schema.ts'

export interface ModeratedMessage {
  id: string
  senderId: string
  body: string
  createdAt: Date
  hidden: boolean
}

export interface MessageContext {
  matchId: string
  listingId: string
  authorId: string
  responderId: string
  message: ModeratedMessage
  before: ModeratedMessage[]
  after: ModeratedMessage[]
}

const columns = {
  id: messages.id,
  senderId: messages.senderId,
  body: messages.body,
  createdAt: messages.createdAt,
  hidden: sql<boolean>`${messages.hiddenAt} IS NOT NULL`,
}

/**
 * A reported message and the few around it in its conversation, for a moderator who stated why
 * they read it (the caller audits that reading). Null when the message is not of this territory.
 */
export async function messagesAround(
  db: DbOrTx,
  territoryId: string,
  messageId: string,
  around = 3,
): Promise<MessageContext | null> {
  const [row] = await db
    .select({
      ...columns,
      matchId: matches.id,
      listingId: matches.listingId,
      authorId: matches.authorId,
      responderId: matches.responderId,
    })
    .from(messages)
    .innerJoin(matches, eq(matches.id, messages.matchId))
    .where(and(eq(messages.territoryId, territoryId), eq(messages.id, messageId)))
  if (!row) return null
  const { matchId, listingId, authorId, responderId, ...message } = row
  const earlier = or(
    lt(messages.createdAt, message.createdAt),
    and(eq(messages.createdAt, message.createdAt), lt(messages.id, message.id)),
  )
  const later = or(
    gt(messages.createdAt, message.createdAt),
    and(eq(messages.createdAt, message.createdAt), gt(messages.id, message.id)),
  )
  const [before, after] = await Promise.all([
    db
      .select(columns)
      .from(messages)
      .where(and(eq(messages.matchId, matchId), earlier))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(around),
    db
      .select(columns)
      .from(messages)
      .where(and(eq(messages.matchId, matchId), later))
      .orderBy(asc(messages.createdAt), asc(messages.id))
      .limit(around),
  ])
  return { matchId, listingId, authorId, responderId, message, before: before.reverse(), after }
}

/** Who sent a message of this territory, without its text: the queue names the person, never the words. */
export async function messageSender(
  db: DbOrTx,
  territoryId: string,
  messageId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ senderId: messages.senderId })
    .from(messages)
    .where(and(eq(messages.territoryId, territoryId), eq(messages.id, messageId)))
  return row?.senderId ?? null
}

/** A moderator hides a message: the conversation then says a message was hidden, never its text. */
export async function hideMessage(
  db: DbOrTx,
  territoryId: string,
  messageId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(messages)
    .set({ hiddenAt: now })
    .where(and(eq(messages.territoryId, territoryId), eq(messages.id, messageId), isNull(messages.hiddenAt)))
    .returning({ id: messages.id })
  return rows.length > 0
}

/**
 * The people in an exchange still going on with this account (a response waiting or accepted),
 * told when a suspension or a ban stops it: one row per match, the other party's id.
 */
export async function matchesInProgressWith(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
): Promise<{ matchId: string; otherId: string }[]> {
  const rows = await db
    .select({ matchId: matches.id, authorId: matches.authorId, responderId: matches.responderId })
    .from(matches)
    .where(
      and(
        eq(matches.territoryId, territoryId),
        inArray(matches.status, ['pending', 'accepted']),
        or(eq(matches.authorId, accountId), eq(matches.responderId, accountId)),
      ),
    )
  return rows.map((r) => ({
    matchId: r.matchId,
    otherId: r.authorId === accountId ? r.responderId : r.authorId,
  }))
}
