/**
 * What other domains may use of accounts: people as others see them, the rules on names and
 * addresses, and the preferences that notifications read and one-click links change. Nothing
 * here hands out a password, a second factor or a token.
 */

export type { AccountStatus } from './identity/account.schema.ts'
export {
  type AccountCard,
  accountCard,
  accountCards,
  contactDetails,
  personColumns,
} from './identity/account-cards.ts'
/** Residents' accounts as `account.created` events, for the bilan's catch-up at start. */
export { accountStatEvents } from './identity/account-stats.ts'
export { accountByEmail, seedAccount, setNotificationFrequency } from './identity/account-writes.ts'
export { type AudienceFilter, volunteerAudience } from './identity/audience.repository.ts'
export { emailProblem, normaliseEmail } from './identity/email-address.ts'
export { formBody } from './identity/identity.http.ts'
export { CHARTER_VERSION, PRIVACY_VERSION } from './identity/signup.service.ts'
/** The slot moderation fills: what a suspended person hears after the right password. */
export type { SuspendedSignIn, SuspensionNotice } from './identity/suspended-sign-in.ts'
/** Who coordinators may propose an ask to, with what suggestions rank them by. */
export { type ProposalCandidate, proposalCandidates } from './identity/volunteer-pool.repository.ts'
export {
  DEFAULT_NOTIFICATIONS,
  displayNameProblem,
  type Frequency,
  formatMonth,
  type NotificationType,
  notificationTypes,
  parisMonth,
} from './profile/profile.ts'
/** The devices that receive Web Push, for notifications to decide who gets what. */
export {
  forgetSubscription as forgetPushSubscription,
  type PushSubscriptionRow,
  recordPushResult,
  subscriptionById as pushSubscriptionById,
  subscriptionsFor as pushSubscriptionsFor,
} from './push/push-subscription.repository.ts'
export { wantsPage } from './sessions/auth.plugin.ts'
export { reactivateAccount, staffRank, suspendAccount } from './staff/sanction-effects.ts'
export { accountsHolding } from './staff/staff-holding.ts'
