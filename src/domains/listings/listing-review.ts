import type { Actor } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import {
  type ReviewSubmission,
  submitForReview,
  withdrawFromReview,
} from '../../platform/review/review-queue.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type HoldReason, holdReasonMessageKey } from './free-help.ts'
import type { Listing } from './listing.ts'
import { listingsAwaitingReview, publishedCountOf } from './listing-review.repository.ts'

/** The hold reason of the territory's review before publication (not the free-help rule's words). */
export const REVIEW_HOLD = 'review'
/** The hold reason of a sanction's hidden listings (listing-sanctions.repository.ts). */
const SANCTION_HOLD = 'sanction'

/** Under « first listings », a new account's listings are read until this many were published. */
export const FIRST_LISTINGS = 2

/**
 * Whether the territory's review before publication holds this new listing. Relayed asks (the
 * phone line's agents wrote them with the person) and staff members' own listings never are.
 */
export async function reviewPolicyHolds(
  db: DbOrTx,
  territory: Territory,
  me: Actor,
  relayed: boolean,
): Promise<boolean> {
  if (relayed || me.roles.length > 0 || territory.reviewPolicy === 'none') return false
  if (territory.reviewPolicy === 'all') return true
  return (await publishedCountOf(db, territory.id, me.accountId, FIRST_LISTINGS)) < FIRST_LISTINGS
}

/** Money wording comes first in the queue's words: it says more to the moderator than the policy. */
function submission(
  listing: Pick<Listing, 'territoryId' | 'id' | 'authorId' | 'title' | 'holdReasons'>,
): ReviewSubmission {
  const money = listing.holdReasons.filter((r) => r !== REVIEW_HOLD && r !== SANCTION_HOLD)
  return {
    territoryId: listing.territoryId,
    subjectKind: 'listing',
    subjectId: listing.id,
    cause: money.length > 0 ? 'money-wording' : 'review-policy',
    accountId: listing.authorId,
    label: listing.title,
    details: listing.holdReasons.filter((r) => r !== SANCTION_HOLD),
  }
}

/** A held listing waits in the moderation queue, in the transaction that holds it (or edits it). */
export function queueListing(services: AppServices, tx: DbOrTx, listing: Listing) {
  return submitForReview(tx, submission(listing), { id: services.ids(), now: services.clock.now() })
}

/** The listing went by other means (its author closed it, a moderator decided from the held list). */
export function unqueueListing(
  services: AppServices,
  tx: DbOrTx,
  listing: Pick<Listing, 'territoryId' | 'id'>,
) {
  return withdrawFromReview(
    tx,
    { territoryId: listing.territoryId, subjectKind: 'listing', subjectId: listing.id },
    services.clock.now(),
  )
}

/**
 * The reasons an edit leaves on a listing that was held: the new words' own, and the policy's
 * or a sanction's, which no edit lifts. A held listing stays held until a moderator decides,
 * even when its new words no longer trip the rule: then it waits for the review.
 */
export function reasonsAfterEdit(current: Listing, wordReasons: string[]): string[] {
  const kept = current.holdReasons.filter((r) => r === REVIEW_HOLD || r === SANCTION_HOLD)
  const reasons = [...new Set([...wordReasons, ...kept])]
  return reasons.length > 0 ? reasons : [REVIEW_HOLD]
}

/** The queue items the held listings of every territory need, for the start-up catch-up. */
export async function listingsToQueue(db: DbOrTx): Promise<(ReviewSubmission & { since: Date })[]> {
  const rows = await listingsAwaitingReview(db)
  return rows.map((r) => ({ ...submission(r), since: r.createdAt }))
}

/** The plain-words line the author reads for each hold reason, the policy's included. */
export function holdReasonText(reason: string): MessageKey {
  if (reason === REVIEW_HOLD) return 'listingReview.reason.review'
  if (reason === SANCTION_HOLD) return 'listingReview.reason.sanction'
  return holdReasonMessageKey(reason as HoldReason)
}
