import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { seedAccountsDemo } from './demo.ts'
import { accountMails } from './identity/account.mails.ts'
import { accountMessages } from './identity/account.messages.ts'
import * as accountSchema from './identity/account.schema.ts'
import { clearSmsConsentOfNumber } from './identity/account-writes.ts'
import { identityPages } from './identity/identity.pages.tsx'
import { signUpMessages } from './identity/signup.messages.ts'
import { signUpPages } from './identity/signup.pages.tsx'
import { suspendedSignInMessages } from './identity/suspended-sign-in.messages.ts'
import type { AccountsSlots } from './identity/suspended-sign-in.ts'
import { profileApi } from './profile/profile.api.ts'
import { profileMessages } from './profile/profile.messages.ts'
import { profilePages } from './profile/profile.pages.tsx'
import { volunteerFieldsMessages } from './profile/volunteer-fields.messages.ts'
import { pushApi } from './push/push.api.ts'
import { pushMessages } from './push/push.messages.ts'
import { pushPages } from './push/push.pages.tsx'
import * as pushSchema from './push/push-subscription.schema.ts'
import { secondFactorPages } from './second-factor/second-factor.pages.tsx'
import { registerSessionJobs, scheduleSessionJobs } from './sessions/session.jobs.ts'
import * as sessionSchema from './sessions/session.schema.ts'
import { staffMails } from './staff/staff.mails.ts'
import { staffMessages } from './staff/staff.messages.ts'
import { staffPages } from './staff/staff.pages.tsx'

const messages = [
  accountMessages,
  signUpMessages,
  suspendedSignInMessages,
  profileMessages,
  volunteerFieldsMessages,
  staffMessages,
  pushMessages,
] as const
const mails = { ...accountMails, ...staffMails }

/**
 * What accounts brings to the app; src/app.ts assembles every module. `slots` are what modules
 * above it hand in (moderation's answer to a suspended person signing in).
 */
export const accountsModule = (slots: AccountsSlots = {}): DomainModule => ({
  name: 'accounts',
  routes: [
    signUpPages,
    identityPages(slots.suspendedSignIn),
    secondFactorPages,
    staffPages,
    profilePages,
    profileApi,
    pushPages,
    pushApi,
  ],
  jobs: (services) => {
    registerSessionJobs(services)
  },
  schedule: async (services) => {
    await scheduleSessionJobs(services)
  },
  // a « STOP » answered to an SMS ends the opt-in of the accounts with that number
  smsStopped: clearSmsConsentOfNumber,
  demo: seedAccountsDemo,
  messages: [...messages],
  mails,
  schema: { ...accountSchema, ...sessionSchema, ...pushSchema },
})

type AccountsMessageKeys = KeysOf<typeof messages>
type AccountsMails = typeof mails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends AccountsMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends AccountsMails {}
}
