import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { notifications } from './notification.schema.ts'
import { type NotificationCursor, UNREAD_COUNT_CAP } from './notification.ts'

export type NotificationRow = typeof notifications.$inferSelect

interface Owner {
  territoryId: string
  accountId: string
}

/**
 * The header's figure, on every page: the partial index `notifications_unread_idx` holds only
 * unread rows, and the count stops at the cap, so a forgotten inbox costs no more than a tidy one.
 */
export async function countUnread(db: DbOrTx, owner: Owner): Promise<number> {
  const unread = db
    .select({ one: sql`1` })
    .from(notifications)
    .where(
      and(
        eq(notifications.accountId, owner.accountId),
        isNull(notifications.readAt),
        eq(notifications.territoryId, owner.territoryId),
      ),
    )
    .limit(UNREAD_COUNT_CAP)
    .as('unread')
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(unread)
  return row?.n ?? 0
}

/** Newest first, by (created_at, id) so that a page never repeats or skips one. */
export function listNotifications(
  db: DbOrTx,
  owner: Owner & { cursor: NotificationCursor | null; limit: number },
): Promise<NotificationRow[]> {
  const { cursor } = owner
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.accountId, owner.accountId),
        eq(notifications.territoryId, owner.territoryId),
        cursor
          ? or(
              lt(notifications.createdAt, cursor.createdAt),
              and(eq(notifications.createdAt, cursor.createdAt), lt(notifications.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(owner.limit)
}

/**
 * Marks one notification of its owner read (the first reading is kept) and returns it; someone
 * else's, or one of another platform, is not found and stays as it was.
 */
export async function markRead(
  db: DbOrTx,
  where: Owner & { id: string },
  now: Date,
): Promise<NotificationRow | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(
      and(
        eq(notifications.id, where.id),
        eq(notifications.accountId, where.accountId),
        eq(notifications.territoryId, where.territoryId),
      ),
    )
    .returning()
  return row ?? null
}

export async function markAllRead(db: DbOrTx, owner: Owner, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.accountId, owner.accountId),
        isNull(notifications.readAt),
        eq(notifications.territoryId, owner.territoryId),
      ),
    )
    .returning({ id: notifications.id })
  return rows.length
}

/** Who has notifications waiting for the digest since `before` or earlier (the partial digest index). */
export async function digestsDue(db: DbOrTx, before: Date): Promise<Owner[]> {
  return db
    .select({ accountId: notifications.accountId, territoryId: notifications.territoryId })
    .from(notifications)
    .where(isNotNull(notifications.digestPendingAt))
    .groupBy(notifications.accountId, notifications.territoryId)
    .having(lte(sql`min(${notifications.digestPendingAt})`, before))
}

/**
 * Takes the waiting notifications of one person, locked until the transaction ends: a second
 * run at the same moment waits, then finds them already cleared and sends nothing.
 */
export function claimPendingDigest(tx: DbOrTx, owner: Owner): Promise<NotificationRow[]> {
  return tx
    .select()
    .from(notifications)
    .where(
      and(
        isNotNull(notifications.digestPendingAt),
        eq(notifications.accountId, owner.accountId),
        eq(notifications.territoryId, owner.territoryId),
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .for('update')
}

/** Out of the digest queue, with the time of the mail, or none when dropped (preference « jamais »). */
export async function clearPendingDigest(tx: DbOrTx, ids: string[], mailedAt: Date | null): Promise<void> {
  if (ids.length === 0) return
  await tx
    .update(notifications)
    .set({ digestPendingAt: null, ...(mailedAt ? { mailedAt } : {}) })
    .where(inArray(notifications.id, ids))
}
