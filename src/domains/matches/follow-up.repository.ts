import { and, asc, eq, exists, inArray, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { LocalisedText } from '../../platform/tenancy/territory.ts'
import { accounts } from '../accounts/identity/account.schema.ts'
import { categories } from '../categories/category.schema.ts'
import { listings } from '../listings/listing.schema.ts'
import { listingFollowUps, matches } from './match.schema.ts'

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

/** An ask still waiting: published, no response at all. */
const waitingAsk = (db: DbOrTx) =>
  and(
    eq(listings.kind, 'ask'),
    eq(listings.status, 'published'),
    // Any response counts, whatever became of it: the ask was seen and answered once.
    notExists(db.select({ one: sql`1` }).from(matches).where(eq(matches.listingId, listings.id))),
  )

/** Asks published before `cutoff` with no response and never flagged, in every territory. */
export async function dueUnanswered(db: DbOrTx, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: listings.id })
    .from(listings)
    .where(
      and(
        waitingAsk(db),
        lte(listings.publishedAt, cutoff),
        notExists(
          db
            .select({ one: sql`1` })
            .from(listingFollowUps)
            .where(eq(listingFollowUps.listingId, listings.id)),
        ),
      ),
    )
    .orderBy(asc(listings.publishedAt))
    .limit(limit)
  return rows.map((r) => r.id)
}

/**
 * Flags one ask, if it still waits. The primary key on the listing makes the flag (and so the
 * tips sent with it) happen once, even with two workers.
 */
export async function flagUnanswered(db: DbOrTx, id: string, cutoff: Date, now: Date) {
  const [listing] = await db
    .select({
      id: listings.id,
      territoryId: listings.territoryId,
      authorId: listings.authorId,
      title: listings.title,
    })
    .from(listings)
    .where(and(eq(listings.id, id), waitingAsk(db), lte(listings.publishedAt, cutoff)))
  if (!listing) return null
  const inserted = await db
    .insert(listingFollowUps)
    .values({ listingId: listing.id, territoryId: listing.territoryId, flaggedAt: now })
    .onConflictDoNothing()
    .returning({ listingId: listingFollowUps.listingId })
  return inserted.length > 0 ? listing : null
}

/** Open follow-ups whose ask got a response or left the listings (closed, fulfilled, expired, removed). */
export async function resolveFollowUps(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .update(listingFollowUps)
    .set({ resolvedAt: now })
    .where(
      and(
        isNull(listingFollowUps.resolvedAt),
        or(
          exists(
            db.select({ one: sql`1` }).from(matches).where(eq(matches.listingId, listingFollowUps.listingId)),
          ),
          notExists(
            db
              .select({ one: sql`1` })
              .from(listings)
              .where(and(eq(listings.id, listingFollowUps.listingId), eq(listings.status, 'published'))),
          ),
        ),
      ),
    )
    .returning({ listingId: listingFollowUps.listingId })
  return rows.length
}

export interface OpenFollowUp {
  listingId: string
  title: string
  communeInsee: string
  categoryName: LocalisedText
  authorName: string
  publishedAt: Date | null
  flaggedAt: Date
}

/**
 * The territory's asks waiting for a response, oldest first. Checked against the listing itself,
 * so one answered or closed since the last run of the job is already gone from the list.
 */
export function listOpenFollowUps(db: DbOrTx, territoryId: string): Promise<OpenFollowUp[]> {
  return db
    .select({
      listingId: listings.id,
      title: listings.title,
      communeInsee: listings.communeInsee,
      categoryName: categories.name,
      authorName: accounts.displayName,
      publishedAt: listings.publishedAt,
      flaggedAt: listingFollowUps.flaggedAt,
    })
    .from(listingFollowUps)
    .innerJoin(listings, eq(listings.id, listingFollowUps.listingId))
    .innerJoin(categories, eq(categories.id, listings.categoryId))
    .innerJoin(accounts, eq(accounts.id, listings.authorId))
    .where(
      and(
        eq(listingFollowUps.territoryId, territoryId),
        eq(listings.territoryId, territoryId),
        isNull(listingFollowUps.resolvedAt),
        waitingAsk(db),
      ),
    )
    .orderBy(asc(listingFollowUps.flaggedAt), asc(listings.id))
}

/** Listings that will take no more responses; an expired one may be renewed, so it is not here. */
const ENDED_LISTING = ['fulfilled', 'closed', 'removed'] as const
const listingEnded = (db: DbOrTx) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(listings)
      .where(and(eq(listings.id, matches.listingId), inArray(listings.status, [...ENDED_LISTING]))),
  )

/** Responses still waiting for a decision on a listing that has ended, in every territory. */
export async function dueEndedPending(db: DbOrTx, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: matches.id })
    .from(matches)
    .where(and(eq(matches.status, 'pending'), listingEnded(db)))
    .orderBy(asc(matches.createdAt))
    .limit(limit)
  return rows.map((r) => r.id)
}

/**
 * Closes one such response as declined by no one (`ended_by` stays null: the listing ended, the
 * author did not refuse), with the conditions checked again in the UPDATE against a second worker.
 */
export async function closeEndedPending(db: DbOrTx, id: string, now: Date) {
  const [row] = await db
    .update(matches)
    .set({ status: 'declined', endedAt: now, updatedAt: now })
    .where(and(eq(matches.id, id), eq(matches.status, 'pending'), listingEnded(db)))
    .returning({
      id: matches.id,
      territoryId: matches.territoryId,
      listingId: matches.listingId,
      responderId: matches.responderId,
    })
  return row ?? null
}
