import { and, desc, eq, gte, inArray, lte, ne, notExists, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { idArray } from '../../platform/db/id-array.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'
import { dispatchProposals } from './dispatch.schema.ts'
import type { ProposalRow } from './proposal.repository.ts'

// Only dispatch's own tables (and the territory's one dispatch setting): listings, matches and
// accounts are asked through their public entries by the services.

/** Proposals waiting for an answer, per ask: « proposée à 2 bénévoles ». */
export async function pendingCounts(
  db: DbOrTx,
  territoryId: string,
  listingIds: readonly string[],
): Promise<Map<string, number>> {
  if (listingIds.length === 0) return new Map()
  const rows = await db
    .select({ listingId: dispatchProposals.listingId, n: sql<number>`count(*)::int` })
    .from(dispatchProposals)
    .where(
      and(
        eq(dispatchProposals.territoryId, territoryId),
        eq(dispatchProposals.status, 'pending'),
        inArray(dispatchProposals.listingId, [...new Set(listingIds)]),
      ),
    )
    .groupBy(dispatchProposals.listingId)
  return new Map(rows.map((r) => [r.listingId, r.n]))
}

/** Pending proposals per volunteer: they count against how many more asks a plan gives them. */
export async function pendingPerVolunteer(db: DbOrTx, territoryId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: dispatchProposals.volunteerId, n: sql<number>`count(*)::int` })
    .from(dispatchProposals)
    .where(and(eq(dispatchProposals.territoryId, territoryId), eq(dispatchProposals.status, 'pending')))
    .groupBy(dispatchProposals.volunteerId)
  return new Map(rows.map((r) => [r.id, r.n]))
}

export interface Responsiveness {
  /** answered (accepted or declined) over answered and expired */
  answerRate: number | null
  medianAnswerHours: number | null
}

/** How each volunteer answered the proposals made to them since `since` (90 days). */
export async function responsivenessOf(
  db: DbOrTx,
  territoryId: string,
  volunteerIds: readonly string[],
  since: Date,
): Promise<Map<string, Responsiveness>> {
  if (volunteerIds.length === 0) return new Map()
  const p = dispatchProposals
  const rows = await db
    .select({
      id: p.volunteerId,
      answered: sql<number>`count(*) filter (where ${p.status} in ('accepted', 'declined'))::int`,
      expired: sql<number>`count(*) filter (where ${p.status} = 'expired')::int`,
      median: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${p.answeredAt} - ${p.createdAt}) / 3600) filter (where ${p.status} in ('accepted', 'declined'))`,
    })
    .from(p)
    .where(
      and(
        eq(p.territoryId, territoryId),
        sql`${p.volunteerId} = any(${idArray(volunteerIds)})`,
        gte(p.createdAt, since),
      ),
    )
    .groupBy(p.volunteerId)
  return new Map(
    rows.map((r) => {
      const total = r.answered + r.expired
      return [
        r.id,
        {
          answerRate: total === 0 ? null : r.answered / total,
          medianAnswerHours: r.median === null ? null : Number(r.median),
        },
      ]
    }),
  )
}

/** The volunteers an ask is pending with: the suggestions page says « déjà proposée ». */
export async function pendingVolunteersOf(db: DbOrTx, territoryId: string, listingId: string) {
  const rows = await db
    .select({ id: dispatchProposals.volunteerId })
    .from(dispatchProposals)
    .where(
      and(
        eq(dispatchProposals.territoryId, territoryId),
        eq(dispatchProposals.listingId, listingId),
        eq(dispatchProposals.status, 'pending'),
      ),
    )
  return new Set(rows.map((r) => r.id))
}

export async function findProposal(db: DbOrTx, territoryId: string, id: string): Promise<ProposalRow | null> {
  const [row] = await db
    .select()
    .from(dispatchProposals)
    .where(and(eq(dispatchProposals.territoryId, territoryId), eq(dispatchProposals.id, id)))
  return row ?? null
}

/** A volunteer's proposals, newest first. */
export function proposalsOf(db: DbOrTx, territoryId: string, volunteerId: string, limit = 100) {
  return db
    .select()
    .from(dispatchProposals)
    .where(
      and(eq(dispatchProposals.territoryId, territoryId), eq(dispatchProposals.volunteerId, volunteerId)),
    )
    .orderBy(desc(dispatchProposals.createdAt), desc(dispatchProposals.id))
    .limit(limit)
}

/**
 * The volunteer's « Je peux aider »: their proposal becomes accepted only if it is still pending,
 * not expired, and no other proposal of the ask was accepted. Run under the ask's row lock, so
 * two volunteers accepting at once are taken one after the other: the second finds the first.
 */
export async function acceptIfFirst(tx: DbOrTx, proposal: ProposalRow, now: Date): Promise<boolean> {
  const other = sql`(select 1 from ${dispatchProposals} o where o.listing_id = ${proposal.listingId} and o.status = 'accepted')`
  const rows = await tx
    .update(dispatchProposals)
    .set({ status: 'accepted', answeredAt: now })
    .where(
      and(
        eq(dispatchProposals.id, proposal.id),
        eq(dispatchProposals.status, 'pending'),
        gte(dispatchProposals.expiresAt, now),
        notExists(other),
      ),
    )
    .returning({ id: dispatchProposals.id })
  return rows.length > 0
}

/** The other pending proposals of an ask someone took: returns who to thank. */
export function takeOthers(tx: DbOrTx, listingId: string, acceptedId: string) {
  return tx
    .update(dispatchProposals)
    .set({ status: 'taken' })
    .where(
      and(
        eq(dispatchProposals.listingId, listingId),
        eq(dispatchProposals.status, 'pending'),
        ne(dispatchProposals.id, acceptedId),
      ),
    )
    .returning({ id: dispatchProposals.id, volunteerId: dispatchProposals.volunteerId })
}

/** « Je ne peux pas », recorded with its time (how quickly people answer ranks them). */
export async function declinePending(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(dispatchProposals)
    .set({ status: 'declined', answeredAt: now })
    .where(and(eq(dispatchProposals.id, id), eq(dispatchProposals.status, 'pending')))
    .returning({ id: dispatchProposals.id })
  return rows.length > 0
}

/** Pending proposals whose time ran out, in every territory: they expire and the ask is back. */
export async function expireDue(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .update(dispatchProposals)
    .set({ status: 'expired' })
    .where(and(eq(dispatchProposals.status, 'pending'), lte(dispatchProposals.expiresAt, now)))
    .returning({ id: dispatchProposals.id })
  return rows.length
}

/** The asks with a pending proposal, in every territory: the job checks each still waits. */
export function asksWithPending(db: DbOrTx) {
  return db
    .selectDistinct({ territoryId: dispatchProposals.territoryId, listingId: dispatchProposals.listingId })
    .from(dispatchProposals)
    .where(eq(dispatchProposals.status, 'pending'))
}

/** Pending proposals of asks that closed or found help otherwise are taken back. */
export async function withdrawPending(db: DbOrTx, listingIds: readonly string[]): Promise<number> {
  if (listingIds.length === 0) return 0
  const rows = await db
    .update(dispatchProposals)
    .set({ status: 'withdrawn' })
    .where(
      and(eq(dispatchProposals.status, 'pending'), inArray(dispatchProposals.listingId, [...listingIds])),
    )
    .returning({ id: dispatchProposals.id })
  return rows.length
}

/** One proposal taken back (its volunteer opted out before the job told them). */
export async function withdrawProposal(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(dispatchProposals)
    .set({ status: 'withdrawn' })
    .where(and(eq(dispatchProposals.id, id), eq(dispatchProposals.status, 'pending')))
}

/** The territory's delay before an ask is listed; whoever calls it empties the tenancy cache after commit. */
export async function setDispatchDelay(db: DbOrTx, territoryId: string, hours: number, now: Date) {
  await db
    .update(territories)
    .set({ dispatchDelayHours: hours, updatedAt: now })
    .where(eq(territories.id, territoryId))
}

/** A proposal by id in any territory, for the job that tells its volunteer. */
export async function proposalById(db: DbOrTx, id: string): Promise<ProposalRow | null> {
  const [row] = await db.select().from(dispatchProposals).where(eq(dispatchProposals.id, id))
  return row ?? null
}
