import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { Callout } from './callout.ts'
import { calloutOptOuts, calloutRecipients, volunteerCallouts } from './crisis.schema.ts'

export async function insertCallout(db: DbOrTx, callout: Callout): Promise<void> {
  await db.insert(volunteerCallouts).values(callout)
}

export async function findCallout(db: DbOrTx, territoryId: string, id: string): Promise<Callout | null> {
  const [row] = await db
    .select()
    .from(volunteerCallouts)
    .where(and(eq(volunteerCallouts.territoryId, territoryId), eq(volunteerCallouts.id, id)))
  return row ?? null
}

export async function calloutsOf(db: DbOrTx, territoryId: string, limit = 20): Promise<Callout[]> {
  return db
    .select()
    .from(volunteerCallouts)
    .where(eq(volunteerCallouts.territoryId, territoryId))
    .orderBy(desc(volunteerCallouts.createdAt))
    .limit(limit)
}

/**
 * A draft turns to « sending » once, whoever asks twice: the row is the lock. Null when it was not
 * a draft (already sent, or another request won).
 */
export async function startSending(
  db: DbOrTx,
  territoryId: string,
  id: string,
  reach: number,
): Promise<Callout | null> {
  const [row] = await db
    .update(volunteerCallouts)
    .set({ status: 'sending', reach })
    .where(
      and(
        eq(volunteerCallouts.territoryId, territoryId),
        eq(volunteerCallouts.id, id),
        eq(volunteerCallouts.status, 'draft'),
      ),
    )
    .returning()
  return row ?? null
}

export async function insertRecipients(db: DbOrTx, calloutId: string, accountIds: string[]): Promise<void> {
  for (let i = 0; i < accountIds.length; i += 1000) {
    const slice = accountIds.slice(i, i + 1000)
    await db
      .insert(calloutRecipients)
      .values(slice.map((accountId) => ({ calloutId, accountId })))
      .onConflictDoNothing()
  }
}

/**
 * The next recipients not sent yet, locked until the step's transaction ends: a second run of the
 * job at the same moment skips them, and a step that fails leaves them unsent for the next one.
 */
export async function claimRecipients(db: DbOrTx, calloutId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ accountId: calloutRecipients.accountId })
    .from(calloutRecipients)
    .where(and(eq(calloutRecipients.calloutId, calloutId), isNull(calloutRecipients.sentAt)))
    .orderBy(asc(calloutRecipients.accountId))
    .limit(limit)
    .for('update', { skipLocked: true })
  return rows.map((r) => r.accountId)
}

export async function markRecipients(db: DbOrTx, calloutId: string, accountIds: string[], now: Date) {
  if (accountIds.length === 0) return
  await db
    .update(calloutRecipients)
    .set({ sentAt: now })
    .where(and(eq(calloutRecipients.calloutId, calloutId), inArray(calloutRecipients.accountId, accountIds)))
}

export async function pendingCount(db: DbOrTx, calloutId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(calloutRecipients)
    .where(and(eq(calloutRecipients.calloutId, calloutId), isNull(calloutRecipients.sentAt)))
  return row?.n ?? 0
}

/** Adds what a step mailed, and closes the call when nobody is left. */
export async function recordProgress(
  db: DbOrTx,
  id: string,
  mailed: number,
  finishedAt: Date | null,
): Promise<void> {
  await db
    .update(volunteerCallouts)
    .set({
      sent: sql`${volunteerCallouts.sent} + ${mailed}`,
      ...(finishedAt ? { status: 'sent' as const, sentAt: finishedAt } : {}),
    })
    .where(eq(volunteerCallouts.id, id))
}

export async function optedOut(db: DbOrTx, territoryId: string, accountIds?: string[]): Promise<Set<string>> {
  if (accountIds?.length === 0) return new Set()
  const scope = eq(calloutOptOuts.territoryId, territoryId)
  const rows = await db
    .select({ accountId: calloutOptOuts.accountId })
    .from(calloutOptOuts)
    .where(accountIds ? and(scope, inArray(calloutOptOuts.accountId, accountIds)) : scope)
  return new Set(rows.map((r) => r.accountId))
}

export async function insertOptOut(db: DbOrTx, territoryId: string, accountId: string, at: Date) {
  await db.insert(calloutOptOuts).values({ territoryId, accountId, at }).onConflictDoNothing()
}

/** The mass calls sent during a crisis, and how many people they reached: its end counts them. */
export async function calloutFigures(db: DbOrTx, territoryId: string, crisisId: string) {
  const [row] = await db
    .select({
      callouts: sql<number>`count(*)::int`,
      reached: sql<number>`coalesce(sum(${volunteerCallouts.sent}), 0)::int`,
    })
    .from(volunteerCallouts)
    .where(
      and(
        eq(volunteerCallouts.territoryId, territoryId),
        eq(volunteerCallouts.crisisId, crisisId),
        inArray(volunteerCallouts.status, ['sending', 'sent']),
      ),
    )
  return { callouts: row?.callouts ?? 0, reached: row?.reached ?? 0 }
}
