import { and, asc, eq, gt, inArray, isNull, lt, lte, or } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { listingFollowUps, matches } from './match.schema.ts'

// Only the tables of matches: what a listing is and whether it still waits is asked of listings
// through its public entry, by the jobs and the service.

const active = inArray(matches.status, ['pending', 'accepted'])
/** Not reminded since its last activity: one reminder per period of silence. */
const notRemindedSince = or(isNull(matches.remindedAt), lt(matches.remindedAt, matches.lastActivityAt))

/** Matches still open and silent since `cutoff`, in every territory, oldest silence first. */
export async function dueInactive(db: DbOrTx, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: matches.id })
    .from(matches)
    .where(and(active, lte(matches.lastActivityAt, cutoff), notRemindedSince))
    .orderBy(asc(matches.lastActivityAt))
    .limit(limit)
  return rows.map((r) => r.id)
}

/**
 * Marks one match reminded if it still needs it, with the conditions checked again in the UPDATE:
 * a second worker, or a message written meanwhile, finds nothing to claim.
 */
export async function claimInactive(db: DbOrTx, id: string, cutoff: Date, now: Date) {
  const [row] = await db
    .update(matches)
    .set({ remindedAt: now })
    .where(and(eq(matches.id, id), active, lte(matches.lastActivityAt, cutoff), notRemindedSince))
    .returning({
      id: matches.id,
      territoryId: matches.territoryId,
      listingId: matches.listingId,
      authorId: matches.authorId,
      responderId: matches.responderId,
    })
  return row ?? null
}

/** Of these listings, those that got a response, whatever became of it: the ask was seen and answered once. */
export async function answeredListings(db: DbOrTx, listingIds: readonly string[]): Promise<Set<string>> {
  if (listingIds.length === 0) return new Set()
  const rows = await db
    .selectDistinct({ listingId: matches.listingId })
    .from(matches)
    .where(inArray(matches.listingId, [...new Set(listingIds)]))
  return new Set(rows.map((r) => r.listingId))
}

/** Of these listings, those already flagged once (open or resolved): an ask is flagged only once. */
export async function flaggedListings(db: DbOrTx, listingIds: readonly string[]): Promise<Set<string>> {
  if (listingIds.length === 0) return new Set()
  const rows = await db
    .select({ listingId: listingFollowUps.listingId })
    .from(listingFollowUps)
    .where(inArray(listingFollowUps.listingId, [...new Set(listingIds)]))
  return new Set(rows.map((r) => r.listingId))
}

/**
 * Flags one ask. The primary key on the listing makes the flag (and so the tips sent with it)
 * happen once, even with two workers: false when it was flagged already.
 */
export async function insertFollowUp(
  db: DbOrTx,
  row: { listingId: string; territoryId: string; flaggedAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(listingFollowUps)
    .values(row)
    .onConflictDoNothing()
    .returning({ listingId: listingFollowUps.listingId })
  return inserted.length > 0
}

export interface OpenFollowUpRow {
  listingId: string
  territoryId: string
  flaggedAt: Date
}

/** Follow-ups not resolved yet, of one territory or of all (null), oldest flag first. */
export function openFollowUpRows(db: DbOrTx, territoryId: string | null): Promise<OpenFollowUpRow[]> {
  return db
    .select({
      listingId: listingFollowUps.listingId,
      territoryId: listingFollowUps.territoryId,
      flaggedAt: listingFollowUps.flaggedAt,
    })
    .from(listingFollowUps)
    .where(
      and(
        isNull(listingFollowUps.resolvedAt),
        territoryId ? eq(listingFollowUps.territoryId, territoryId) : undefined,
      ),
    )
    .orderBy(asc(listingFollowUps.flaggedAt), asc(listingFollowUps.listingId))
}

/** Resolves these follow-ups if still open; returns how many it resolved. */
export async function resolveFollowUpRows(db: DbOrTx, listingIds: readonly string[], now: Date) {
  if (listingIds.length === 0) return 0
  const rows = await db
    .update(listingFollowUps)
    .set({ resolvedAt: now })
    .where(and(inArray(listingFollowUps.listingId, [...listingIds]), isNull(listingFollowUps.resolvedAt)))
    .returning({ listingId: listingFollowUps.listingId })
  return rows.length
}

export interface PendingMatch {
  id: string
  territoryId: string
  listingId: string
  createdAt: Date
}

/** Responses waiting for a decision, in every territory, oldest first, one page after `after`. */
export function pendingMatches(
  db: DbOrTx,
  after: { createdAt: Date; id: string } | null,
  limit: number,
): Promise<PendingMatch[]> {
  return db
    .select({
      id: matches.id,
      territoryId: matches.territoryId,
      listingId: matches.listingId,
      createdAt: matches.createdAt,
    })
    .from(matches)
    .where(
      and(
        eq(matches.status, 'pending'),
        after
          ? or(
              gt(matches.createdAt, after.createdAt),
              and(eq(matches.createdAt, after.createdAt), gt(matches.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(matches.createdAt), asc(matches.id))
    .limit(limit)
}

/**
 * Closes one response as declined by no one (`ended_by` stays null: the listing ended, the author
 * did not refuse), if it is still pending: a second worker, or a decision meanwhile, finds nothing.
 */
export async function closePending(db: DbOrTx, id: string, now: Date) {
  const [row] = await db
    .update(matches)
    .set({ status: 'declined', endedAt: now, updatedAt: now })
    .where(and(eq(matches.id, id), eq(matches.status, 'pending')))
    .returning({
      id: matches.id,
      territoryId: matches.territoryId,
      listingId: matches.listingId,
      responderId: matches.responderId,
    })
  return row ?? null
}
