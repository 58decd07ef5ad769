import { and, asc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/db/client.ts'
import type { NotificationType } from '../profile/profile.ts'
import { pushSubscriptions } from './push-subscription.schema.ts'

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect
type Owner = { territoryId: string; accountId: string }

const owned = (owner: Owner, id: string) =>
  and(
    eq(pushSubscriptions.id, id),
    eq(pushSubscriptions.accountId, owner.accountId),
    eq(pushSubscriptions.territoryId, owner.territoryId),
  )

/**
 * One row per browser: subscribing again from it (new keys, or another person signed in on it)
 * takes the row over. Only that browser knows its endpoint, and whoever holds it receives what is
 * sent there anyway. The types the person chose are kept when the same account subscribes again.
 */
export async function saveSubscription(db: DbOrTx, row: PushSubscriptionRow): Promise<PushSubscriptionRow> {
  const [saved] = await db
    .insert(pushSubscriptions)
    .values(row)
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: {
        territoryId: row.territoryId,
        accountId: row.accountId,
        p256dh: row.p256dh,
        auth: row.auth,
        device: row.device,
        types: sql`case when ${pushSubscriptions.accountId} = ${row.accountId} then ${pushSubscriptions.types} else excluded.types end`,
        failureCount: 0,
      },
    })
    .returning()
  return saved!
}

export function ownSubscriptions(db: DbOrTx, owner: Owner): Promise<PushSubscriptionRow[]> {
  return db
    .select()
    .from(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.accountId, owner.accountId),
        eq(pushSubscriptions.territoryId, owner.territoryId),
      ),
    )
    .orderBy(asc(pushSubscriptions.createdAt), asc(pushSubscriptions.id))
}

/** The account and territory are part of the condition: someone else's id changes nothing. */
export async function setOwnSubscriptionTypes(
  db: DbOrTx,
  owner: Owner,
  id: string,
  types: NotificationType[],
): Promise<boolean> {
  const rows = await db
    .update(pushSubscriptions)
    .set({ types })
    .where(owned(owner, id))
    .returning({ id: pushSubscriptions.id })
  return rows.length > 0
}

export async function deleteOwnSubscription(db: DbOrTx, owner: Owner, id: string): Promise<boolean> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(owned(owner, id))
    .returning({ id: pushSubscriptions.id })
  return rows.length > 0
}

/** At sign-out, the browser names its own endpoint: only that account's row for it goes. */
export async function deleteOwnEndpoint(db: DbOrTx, accountId: string, endpoint: string): Promise<boolean> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.accountId, accountId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id })
  return rows.length > 0
}

/** The devices of an account that take this type, in its territory (the sender's side). */
export function subscriptionsFor(
  db: DbOrTx,
  owner: Owner,
  type: NotificationType,
): Promise<PushSubscriptionRow[]> {
  return db
    .select()
    .from(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.accountId, owner.accountId),
        eq(pushSubscriptions.territoryId, owner.territoryId),
        sql`${pushSubscriptions.types} @> ${JSON.stringify([type])}::jsonb`,
      ),
    )
}

export async function subscriptionById(db: DbOrTx, id: string): Promise<PushSubscriptionRow | null> {
  const [row] = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, id))
  return row ?? null
}

/** The push service said it will never deliver there again (404, 410). */
export async function forgetSubscription(db: DbOrTx, id: string): Promise<void> {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id))
}

export async function recordPushResult(db: DbOrTx, id: string, result: { sentAt: Date } | 'failed') {
  await db
    .update(pushSubscriptions)
    .set(
      result === 'failed'
        ? { failureCount: sql`${pushSubscriptions.failureCount} + 1` }
        : { lastSuccessAt: result.sentAt, failureCount: 0 },
    )
    .where(eq(pushSubscriptions.id, id))
}
