import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import {
  type CallCampaignStatus,
  callCampaignEntries,
  callCampaigns,
  type EntryStatus,
} from './calls.schema.ts'

export type CampaignRow = typeof callCampaigns.$inferSelect
export type EntryRow = typeof callCampaignEntries.$inferSelect

export async function insertCampaign(db: DbOrTx, row: typeof callCampaigns.$inferInsert) {
  await db.insert(callCampaigns).values(row)
}

/** Writes the queue in slices, so ten thousand people are a few statements, not one per person. */
export async function insertEntries(db: DbOrTx, rows: (typeof callCampaignEntries.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(callCampaignEntries).values(rows.slice(i, i + 1000))
}

export async function findCampaign(db: DbOrTx, territoryId: string, id: string): Promise<CampaignRow | null> {
  const [row] = await db
    .select()
    .from(callCampaigns)
    .where(and(eq(callCampaigns.territoryId, territoryId), eq(callCampaigns.id, id)))
  return row ?? null
}

export function campaignsOf(db: DbOrTx, territoryId: string, limit = 20): Promise<CampaignRow[]> {
  return db
    .select()
    .from(callCampaigns)
    .where(eq(callCampaigns.territoryId, territoryId))
    .orderBy(desc(callCampaigns.startedAt), desc(callCampaigns.id))
    .limit(limit)
}

/** Stops or finishes a running campaign; null when it had already ended. */
export async function endCampaign(
  db: DbOrTx,
  id: string,
  status: Exclude<CallCampaignStatus, 'running'>,
  at: Date,
): Promise<CampaignRow | null> {
  const [row] = await db
    .update(callCampaigns)
    .set({ status, endedAt: at })
    .where(and(eq(callCampaigns.id, id), eq(callCampaigns.status, 'running')))
    .returning()
  return row ?? null
}

/** The person this caller holds now in the campaign, if the lease still runs. */
export async function heldEntry(
  db: DbOrTx,
  campaignId: string,
  accountId: string,
  now: Date,
): Promise<EntryRow | null> {
  const [row] = await db
    .select()
    .from(callCampaignEntries)
    .where(
      and(
        eq(callCampaignEntries.campaignId, campaignId),
        eq(callCampaignEntries.status, 'claimed'),
        eq(callCampaignEntries.claimedBy, accountId),
        gt(callCampaignEntries.leaseUntil, now),
      ),
    )
    .orderBy(asc(callCampaignEntries.leaseUntil))
    .limit(1)
  return row ?? null
}

/**
 * Takes the next person of the queue for this caller, in one statement: a waiting entry whose
 * retry time has come, or a claimed one whose lease has run out (its caller left). SKIP LOCKED
 * lets many callers claim at the same instant without waiting on each other or taking the same
 * person; the row is re-checked under its lock, so a person claimed meanwhile is never handed out.
 */
export async function claimNext(
  db: DbOrTx,
  claim: { campaignId: string; accountId: string; now: Date; leaseUntil: Date },
): Promise<EntryRow | null> {
  const next = db
    .select({ id: callCampaignEntries.id })
    .from(callCampaignEntries)
    .where(
      and(
        eq(callCampaignEntries.campaignId, claim.campaignId),
        or(
          and(
            eq(callCampaignEntries.status, 'waiting'),
            or(isNull(callCampaignEntries.retryAt), lte(callCampaignEntries.retryAt, claim.now)),
          ),
          and(eq(callCampaignEntries.status, 'claimed'), lt(callCampaignEntries.leaseUntil, claim.now)),
        ),
      ),
    )
    .orderBy(sql`${callCampaignEntries.retryAt} asc nulls first`, asc(callCampaignEntries.id))
    .limit(1)
    .for('update', { skipLocked: true })
  const [row] = await db
    .update(callCampaignEntries)
    .set({
      status: 'claimed',
      claimedBy: claim.accountId,
      leaseUntil: claim.leaseUntil,
      updatedAt: claim.now,
    })
    .where(inArray(callCampaignEntries.id, next))
    .returning()
  return row ?? null
}

export async function findEntry(
  db: DbOrTx,
  territoryId: string,
  campaignId: string,
  id: string,
): Promise<EntryRow | null> {
  const [row] = await db
    .select()
    .from(callCampaignEntries)
    .where(
      and(
        eq(callCampaignEntries.territoryId, territoryId),
        eq(callCampaignEntries.campaignId, campaignId),
        eq(callCampaignEntries.id, id),
      ),
    )
  return row ?? null
}

/**
 * Writes the outcome only while this caller still holds the person: once another caller took
 * them over after the lease, or they left the register, nothing changes and null comes back.
 */
export async function settleEntry(
  db: DbOrTx,
  id: string,
  accountId: string,
  change: { status: EntryStatus; retryAt: Date | null; now: Date },
): Promise<EntryRow | null> {
  const back = change.status === 'waiting'
  const [row] = await db
    .update(callCampaignEntries)
    .set({
      status: change.status,
      attempts: sql`${callCampaignEntries.attempts} + 1`,
      claimedBy: back ? null : accountId,
      leaseUntil: null,
      retryAt: change.retryAt,
      updatedAt: change.now,
    })
    .where(
      and(
        eq(callCampaignEntries.id, id),
        eq(callCampaignEntries.status, 'claimed'),
        eq(callCampaignEntries.claimedBy, accountId),
      ),
    )
    .returning()
  return row ?? null
}

/** A campaign's figures, as the page shows them; an expired lease counts as waiting again. */
export interface CampaignProgress {
  total: number
  reached: number
  concern: number
  needsHelp: number
  unreachable: number
  inProgress: number
  toRetry: number
  waiting: number
}

export async function progressOf(db: DbOrTx, campaignId: string, now: Date): Promise<CampaignProgress> {
  const e = callCampaignEntries
  const live = sql`(${e.status} = 'claimed' and ${e.leaseUntil} > ${now})`
  const queued = sql`(${e.status} = 'waiting' or (${e.status} = 'claimed' and ${e.leaseUntil} <= ${now}))`
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      reached: sql<number>`(count(*) filter (where ${e.status} = 'reached'))::int`,
      concern: sql<number>`(count(*) filter (where ${e.status} = 'concern'))::int`,
      needsHelp: sql<number>`(count(*) filter (where ${e.status} = 'needs-help'))::int`,
      unreachable: sql<number>`(count(*) filter (where ${e.status} = 'unreachable'))::int`,
      inProgress: sql<number>`(count(*) filter (where ${live}))::int`,
      toRetry: sql<number>`(count(*) filter (where ${queued} and ${e.attempts} > 0))::int`,
      waiting: sql<number>`(count(*) filter (where ${queued} and ${e.attempts} = 0))::int`,
    })
    .from(e)
    .where(eq(e.campaignId, campaignId))
  return row!
}

/** The earliest moment a person not answered may be tried again, for « revenez à 15 h 30 ». */
export async function nextRetryAt(db: DbOrTx, campaignId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${callCampaignEntries.retryAt})` })
    .from(callCampaignEntries)
    .where(and(eq(callCampaignEntries.campaignId, campaignId), eq(callCampaignEntries.status, 'waiting')))
  return row?.at ? new Date(row.at) : null
}
