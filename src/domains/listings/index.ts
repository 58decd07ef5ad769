/**
 * What other domains may use of listings: reading them (one, or many at once), closing an ask
 * once its help is confirmed, the listing page for the responses to show again, and the slot
 * where responses plug into the listing pages.
 */

/** What missions hand in to be found by the search and its alerts, and how they say one is published. */
export { notifyMissionPublished } from './alerts.jobs.ts'
/** Demonstration data of other domains: a listing written as given. */
export { seedDemoListing } from './demo-listings.ts'
/** The free-help rule (no price, payment or sale), which missions and material needs apply too. */
export { freeHelpReasons, type HoldReason, holdReasonMessageKey } from './free-help.ts'
export { lockListing } from './listing.repository.ts'
export { listingStatuses } from './listing.schema.ts'
export { ListingService } from './listing.service.ts'
export {
  isVisibleTo,
  type Listing,
  type ListingKind,
  type ListingStatus,
  type ListingView,
  parseDay,
} from './listing.ts'
export { closeRelayedAsk, listingById, listingsByIds, markAskFulfilled } from './listing-access.ts'
/** What a moderator's decision does to a listing, and a person's open listings for their record. */
export { applyListingDecision, openListingsCount } from './listing-decisions.ts'
export { type ListingFigures, listingFigures } from './listing-figures.repository.ts'
export type { ExtraGuidance } from './listing-guidance.ts'
/** A decision on one listing overturned on appeal: the listing is shown again. */
export { reinstateListing } from './listing-reinstate.repository.ts'
export type { ListingResponses } from './listing-responses.ts'
/** Held listings as moderation-queue items, for the queue's start-up catch-up. */
export { listingsToQueue } from './listing-review.ts'
/** The author's mail once a moderator decided on a held listing (published, or not with the reason). */
export { tellAuthorReviewed } from './listing-review-mail.ts'
/** What a sanction does to a person's listings, and what lifting it undoes. */
export { hideListingsOf, restoreListingsOf } from './listing-sanctions.repository.ts'
/** Every published listing's `ask.posted` / `offer.posted`, for the bilan's catch-up at start. */
export { listingStatEvents } from './listing-stats.ts'
export type { RelayedAsk } from './relayed-ask.service.ts'
export type {
  MissionAfter,
  MissionHit,
  MissionSearchFilter,
  MissionSort,
  MissionsInSearch,
} from './search-missions.ts'
export { ListingPage } from './views/ListingPage.tsx'
export {
  type AskCursor,
  type PublishedAsk,
  publishedAsksBefore,
  /** The asks the coordinators' dispatch list considers: after the delay, and relayed ones at once. */
  waitingAsksOf,
} from './waiting-asks.ts'
