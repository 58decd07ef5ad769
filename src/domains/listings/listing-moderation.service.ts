import { type Actor, can } from '../../platform/auth/actor.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { notifyPublished } from './alerts.jobs.ts'
import { type ListingChanges, listHeld, updateListing } from './listing.repository.ts'
import { expiryFrom, type Listing, UUID } from './listing.ts'
import { unqueueListing } from './listing-review.ts'
import { tellAuthorReviewed } from './listing-review-mail.ts'

/**
 * The listings held for a moderator, for moderators: publish or remove, each decision audited
 * and told to the author by mail.
 */
export class ListingModeration {
  constructor(private readonly services: AppServices) {}

  held(actor: Actor | null, territory: Territory): Promise<Listing[]> {
    this.#moderator(actor)
    return listHeld(this.services.database.db, territory.id)
  }

  async publishHeld(actor: Actor | null, territory: Territory, id: string): Promise<Listing> {
    this.#moderator(actor)
    const now = this.services.clock.now()
    const changes = {
      status: 'published' as const,
      publishedAt: now,
      expiresAt: expiryFrom(now),
      updatedAt: now,
    }
    return this.#moderate(actor!, territory, id, changes, 'listing.published')
  }

  async rejectHeld(actor: Actor | null, territory: Territory, id: string): Promise<Listing> {
    this.#moderator(actor)
    const now = this.services.clock.now()
    const changes = { status: 'removed' as const, closedAt: now, updatedAt: now }
    return this.#moderate(actor!, territory, id, changes, 'listing.rejected')
  }

  /** The decision and its trace are one write: a moderator's action is never unrecorded. */
  async #moderate(
    actor: Actor,
    territory: Territory,
    id: string,
    changes: ListingChanges,
    action: 'listing.published' | 'listing.rejected',
  ): Promise<Listing> {
    const where = { territoryId: territory.id, id, statuses: ['held'] as const }
    if (!UUID.test(id)) throw notFound()
    const listing = await this.services.database.db.transaction(async (tx) => {
      const updated = await updateListing(tx, where, changes)
      if (updated) {
        // Decided here, so the one queue no longer shows it waiting.
        await unqueueListing(this.services, tx, updated)
        await this.services.audit.record(
          { territoryId: territory.id, actorId: actor.accountId, action, targetId: id },
          tx,
        )
        if (updated.status === 'published') await notifyPublished(this.services, id, tx)
        await tellAuthorReviewed(
          this.services,
          tx,
          territory,
          updated,
          updated.status === 'published' ? 'published' : 'rejected',
        )
      }
      return updated
    })
    if (!listing) throw notFound()
    return listing
  }

  #moderator(actor: Actor | null) {
    if (!can(actor, 'listing:moderate')) throw new HttpError(403, 'forbidden')
  }
}
