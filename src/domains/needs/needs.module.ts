import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { seedDemoNeeds } from './demo-needs.ts'
import { needApi } from './need.api.ts'
import { needMails } from './need.mails.ts'
import { needMessages } from './need.messages.ts'
import { needPages } from './need.pages.tsx'
import * as needSchema from './need.schema.ts'
import { pledgeMessages } from './pledge.messages.ts'
import { pledgePages } from './pledge.pages.tsx'

const messages = [needMessages, pledgeMessages] as const

/** What needs brings to the app; src/app.ts assembles every module. */
export const needsModule: DomainModule = {
  name: 'needs',
  demo: seedDemoNeeds,
  routes: [needPages, pledgePages, needApi],
  messages: [...messages],
  mails: needMails,
  schema: { ...needSchema },
}

type NeedsMessageKeys = KeysOf<typeof messages>
type NeedsMails = typeof needMails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends NeedsMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends NeedsMails {}
}
