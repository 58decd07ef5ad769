/**
 * What other domains may use of organisations: whether a person manages or belongs to one, and
 * the organisation as others may name it. Missions and material needs check access through these.
 */

export { managerIdsOf } from './managers.ts'
export {
  managedOrganisation,
  membershipsOf,
  type OrganisationRef,
  organisationIn,
  roleIn,
} from './membership.repository.ts'
export {
  type NoticeRecipient,
  noticeRecipients,
  type SignupNotices,
} from './notice-recipients.ts'
export { findOrganisation } from './organisation.repository.ts'
export type { MemberRole, OrganisationKind, OrganisationStatus } from './organisation.schema.ts'
/** Registering an organisation as a person does, for the demonstration's queue. */
export { OrganisationService } from './organisation.service.ts'
/** A staff decision on an organisation (verify, refuse, suspend), in the queue's transaction. */
export { applyOrganisationDecision } from './organisation-decision.ts'
/** Organisations awaiting verification as moderation-queue items, for the queue's start-up catch-up. */
export { organisationsToQueue } from './organisation-review.ts'
export { type SeedOrganisation, seedDelegation, seedOrganisation } from './organisation-seed.ts'
/** Organisations created and verified, for the bilan's catch-up at start. */
export { organisationStatEvents } from './organisation-stats.ts'
export { type OrganisationCard, organisationCards } from './public-cards.ts'
export type { OrganisationSection, SectionContext } from './sections.ts'
export { verifiedOrganisations } from './verified-organisations.ts'
