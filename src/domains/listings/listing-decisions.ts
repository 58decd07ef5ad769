import { and, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { AppServices } from '../../platform/services.ts'
import { notifyPublished } from './alerts.jobs.ts'
import { updateListing } from './listing.repository.ts'
import { listings } from './listing.schema.ts'
import { expiryFrom, type Listing } from './listing.ts'

/**
 * What a moderator's decision does to a listing, in the caller's transaction (the decision, its
 * sanction and its trace stand or fall together). publish and reject act on a held listing only;
 * hide takes a listing out of view whatever it was (removed); change leaves it held until its
 * author edits it. Null when the listing is not in a state the decision applies to.
 */
export async function applyListingDecision(
  services: AppServices,
  tx: DbOrTx,
  input: { territoryId: string; id: string; decision: 'publish' | 'reject' | 'hide' | 'change'; now: Date },
): Promise<Listing | null> {
  const { territoryId, id, decision, now } = input
  const where = { territoryId, id }
  if (decision === 'publish') {
    const listing = await updateListing(
      tx,
      { ...where, statuses: ['held'] },
      { status: 'published', holdReasons: [], publishedAt: now, expiresAt: expiryFrom(now), updatedAt: now },
    )
    if (listing) await notifyPublished(services, id, tx)
    return listing
  }
  if (decision === 'reject')
    return updateListing(
      tx,
      { ...where, statuses: ['held'] },
      { status: 'removed', closedAt: now, updatedAt: now },
    )
  if (decision === 'hide')
    return updateListing(
      tx,
      { ...where, statuses: ['held', 'published', 'expired'] },
      { status: 'removed', closedAt: now, updatedAt: now },
    )
  return updateListing(tx, { ...where, statuses: ['held'] }, { updatedAt: now })
}

/** How many listings a person has open (held or published) in the territory, for their moderation record. */
export async function openListingsCount(db: DbOrTx, territoryId: string, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(listings)
    .where(
      and(
        eq(listings.territoryId, territoryId),
        eq(listings.authorId, accountId),
        inArray(listings.status, ['held', 'published']),
      ),
    )
  return row?.n ?? 0
}
