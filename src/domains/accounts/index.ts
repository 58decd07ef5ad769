/**
 * What other domains may use of accounts: people as others see them, the rules on names and
 * addresses, and the preferences that notifications read and one-click links change. Nothing
 * here hands out a password, a second factor or a token.
 */

export type { AccountStatus } from './account.schema.ts'
export { type AccountCard, accountCard, accountCards, contactDetails } from './account-cards.ts'
export { accountByEmail, seedAccount, setNotificationFrequency } from './account-writes.ts'
export { wantsPage } from './auth.plugin.ts'
export { seedDemoStaff } from './demo-staff.ts'
export { emailProblem, normaliseEmail } from './email-address.ts'
export { formBody } from './identity.http.ts'
export { type Interest, interestSlugs } from './interests.ts'
export {
  DEFAULT_NOTIFICATIONS,
  displayNameProblem,
  type Frequency,
  formatMonth,
  type NotificationType,
  notificationTypes,
  parisMonth,
} from './profile.ts'
export { CHARTER_VERSION, PRIVACY_VERSION } from './signup.service.ts'
