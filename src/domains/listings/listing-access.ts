import type { DbOrTx } from '../../platform/db/client.ts'
import { findListing, findListings, updateListing } from './listing.repository.ts'
import type { Listing } from './listing.ts'

/** How other parts read listings and close them: always within one territory. */
export function listingById(db: DbOrTx, territoryId: string, id: string): Promise<Listing | null> {
  return findListing(db, territoryId, id)
}

/** Several listings by id in one query; an id of another territory is simply absent. */
export async function listingsByIds(
  db: DbOrTx,
  territoryId: string,
  ids: readonly string[],
): Promise<Map<string, Listing>> {
  const rows = await findListings(db, territoryId, ids)
  return new Map(rows.map((l) => [l.id, l]))
}

/**
 * An ask whose help was confirmed is fulfilled, published or expired alike; an offer stays open
 * for others. Meant for the transaction that confirms the help.
 */
export async function markAskFulfilled(
  tx: DbOrTx,
  territoryId: string,
  id: string,
  now: Date,
): Promise<void> {
  const listing = await findListing(tx, territoryId, id)
  if (listing?.kind !== 'ask') return
  await updateListing(
    tx,
    { territoryId, id, statuses: ['published', 'expired'] },
    { status: 'fulfilled', closedAt: now, updatedAt: now },
  )
}

/**
 * The phone line closes the ask it posted for someone who withdrew their consent, in the
 * transaction of the withdrawal; only a relayed ask, and only while it is still open.
 */
export async function closeRelayedAsk(
  tx: DbOrTx,
  territoryId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const listing = await findListing(tx, territoryId, id)
  if (!listing?.relayed) return false
  const closed = await updateListing(
    tx,
    { territoryId, id, statuses: ['held', 'published', 'expired'] },
    { status: 'closed', closedAt: now, updatedAt: now },
  )
  return closed !== null
}
