import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNull,
  lte,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { listings } from './listing.schema.ts'
import type { Listing, ListingStatus, NewListing } from './listing.ts'
import { recordPosted } from './listing-stats.ts'

/** Every column but the search vector, which the database keeps and nobody reads back. */
const { searchVector: _never, ...selection } = getTableColumns(listings)

export async function insertListing(db: DbOrTx, row: NewListing): Promise<void> {
  await db.insert(listings).values(row)
  await recordPosted(db, { ...row, publishedAt: row.publishedAt ?? null })
}

/** Scoped by territory: another platform's listing is simply not found. */
export async function findListing(db: DbOrTx, territoryId: string, id: string): Promise<Listing | null> {
  const rows = await db
    .select(selection)
    .from(listings)
    .where(and(eq(listings.territoryId, territoryId), eq(listings.id, id)))
  return rows[0] ?? null
}

/** What the listing page shows of people besides the listing, as the accounts domain offers it. */
export interface PeopleOnPage {
  /** the author's name and first month, for the listing's column */
  author: (authorId: SQLWrapper) => { displayName: SQL<string | null>; memberSince: SQL<Date | null> }
  /** the viewer's own commune, for the distance; null for a visitor */
  viewerCommune: SQL<string | null> | null
}

/** The listing page's one statement: the listing, its author's name, the viewer's commune. */
export async function findListingPage(db: DbOrTx, territoryId: string, id: string, people: PeopleOnPage) {
  const author = people.author(listings.authorId)
  const [row] = await db
    .select({
      listing: selection,
      authorName: author.displayName,
      authorSince: author.memberSince,
      ...(people.viewerCommune ? { viewerCommune: people.viewerCommune } : {}),
    })
    .from(listings)
    .where(and(eq(listings.territoryId, territoryId), eq(listings.id, id)))
  return row ?? null
}

/** Several listings of a territory at once, for lists that name them (reports, follow-ups). */
export function findListings(db: DbOrTx, territoryId: string, ids: readonly string[]): Promise<Listing[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .select(selection)
    .from(listings)
    .where(and(eq(listings.territoryId, territoryId), inArray(listings.id, [...new Set(ids)])))
}

export function listByAuthor(db: DbOrTx, territoryId: string, authorId: string): Promise<Listing[]> {
  return db
    .select(selection)
    .from(listings)
    .where(and(eq(listings.territoryId, territoryId), eq(listings.authorId, authorId)))
    .orderBy(desc(listings.createdAt))
}

/** Listings waiting for a moderator; those a sanction hid wait for its end, not for a reading. */
export function listHeld(db: DbOrTx, territoryId: string): Promise<Listing[]> {
  return db
    .select(selection)
    .from(listings)
    .where(
      and(
        eq(listings.territoryId, territoryId),
        eq(listings.status, 'held'),
        sql`NOT ('sanction' = ANY(${listings.holdReasons}))`,
      ),
    )
    .orderBy(asc(listings.createdAt))
}

export type ListingChanges = Partial<Omit<NewListing, 'id' | 'territoryId' | 'authorId' | 'createdAt'>>

/**
 * Changes a listing only if it is still in one of the given statuses and, when `authorId` is
 * given, still belongs to that author: the check and the write are one statement, so a listing
 * someone else owns is never touched, whatever the caller did before.
 */
export async function updateListing(
  db: DbOrTx,
  where: { territoryId: string; id: string; authorId?: string; statuses: readonly ListingStatus[] },
  changes: ListingChanges,
): Promise<Listing | null> {
  const rows = await db
    .update(listings)
    .set(changes)
    .where(
      and(
        eq(listings.territoryId, where.territoryId),
        eq(listings.id, where.id),
        where.authorId ? eq(listings.authorId, where.authorId) : undefined,
        inArray(listings.status, [...where.statuses]),
      ),
    )
    .returning(selection)
  // Every way a listing gets its publication date goes through here or through insertListing.
  if (rows[0] && changes.publishedAt) await recordPosted(db, rows[0])
  return rows[0] ?? null
}

/** Published listings whose time is up, in every territory, marked expired in one statement. */
export async function expireDue(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .update(listings)
    .set({ status: 'expired', updatedAt: now })
    .where(and(eq(listings.status, 'published'), lte(listings.expiresAt, now)))
    .returning({ id: listings.id })
  return rows.length
}

/**
 * Published listings that expire before `horizon` and whose author was not told yet; marked as
 * reminded in the same statement, so two workers never send the reminder twice.
 */
export function claimReminders(db: DbOrTx, now: Date, horizon: Date): Promise<Listing[]> {
  return db
    .update(listings)
    .set({ remindedAt: now })
    .where(
      and(
        eq(listings.status, 'published'),
        isNull(listings.remindedAt),
        gt(listings.expiresAt, now),
        lte(listings.expiresAt, horizon),
      ),
    )
    .returning(selection)
}

/**
 * The listing row locked until the transaction ends (`select … for update`): acceptances of the
 * same listing queue behind each other, so the capacity is counted by one of them at a time.
 */
export async function lockListing(tx: DbOrTx, territoryId: string, listingId: string) {
  const [row] = await tx
    .select({
      id: listings.id,
      status: listings.status,
      kind: listings.kind,
      capacity: listings.capacity,
      title: listings.title,
      relayed: listings.relayed,
    })
    .from(listings)
    .where(and(eq(listings.territoryId, territoryId), eq(listings.id, listingId)))
    .for('update')
  return row ?? null
}
