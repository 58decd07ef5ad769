/**
 * Every event the bilan counts. A listing's later events (`listing.responded`, `listing.fulfilled`)
 * carry only its id: the rollups attribute them to the commune, category and posting week of its
 * `ask.posted` or `offer.posted`, so shares (« answered within 24 h ») compare like with like.
 */
export const statKinds = [
  /** an ask or an offer was published (subject: listing; commune, category) */
  'ask.posted',
  'offer.posted',
  /** someone responded to a listing (subject: listing; actor: the responder); the first one makes it answered */
  'listing.responded',
  /** help was given: the match was marked done (subject: listing; actor: the helper) */
  'listing.fulfilled',
  /** a resident's account was created (commune when known) */
  'account.created',
  /** an organisation was created, then verified (subject: organisation; commune) */
  'organisation.created',
  'organisation.verified',
  /** a mission was published; a volunteer took one of its slots (actor; quantity 1) */
  'mission.posted',
  'mission.slot-filled',
  /** a material need was published; it was met */
  'need.posted',
  'need.met',
  /** units made (received from makers) and distributed by a supply campaign (quantity) */
  'campaign.made',
  'campaign.distributed',
  /** a call to an isolated person was logged (actor: the caller; outcome) */
  'call.made',
  /** a phone-line case was opened, then closed (outcome) */
  'phone-case.opened',
  'phone-case.closed',
] as const
export type StatKind = (typeof statKinds)[number]
