import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { callsMails } from './calls.mails.ts'
import { callsMessages } from './calls.messages.ts'
import { callsPages } from './calls.pages.tsx'
import * as callsSchema from './calls.schema.ts'
import { campaignPages } from './campaign.pages.tsx'
import { coordinationMessages } from './coordination.messages.ts'
import { seedDemoCalls } from './demo-calls.ts'
import { staffPages } from './staff.pages.tsx'

const messages = [callsMessages, coordinationMessages] as const

/**
 * What the calls to isolated people bring to the app: the register, the callers and their pairings,
 * the one-tap outcome of each call, and the call campaigns of a crisis; src/app.ts assembles it.
 */
export const callsModule: DomainModule = {
  name: 'calls',
  demo: seedDemoCalls,
  routes: [callsPages, campaignPages, staffPages],
  messages: [...messages],
  mails: callsMails,
  schema: { ...callsSchema },
}

type CallsMessageKeys = KeysOf<typeof messages>
type CallsMails = typeof callsMails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends CallsMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends CallsMails {}
}
