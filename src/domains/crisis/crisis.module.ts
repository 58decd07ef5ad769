import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { registerCalloutJobs } from './callout.jobs.ts'
import { calloutMails } from './callout.mails.ts'
import { calloutMessages } from './callout.messages.ts'
import { calloutPages } from './callout.pages.tsx'
import { crisisMessages } from './crisis.messages.ts'
import { crisisPages } from './crisis.pages.tsx'
import * as crisisSchema from './crisis.schema.ts'
import type { CrisisSlots } from './crisis.service.ts'
import { seedDemoCrisis } from './demo-crisis.ts'

const messages = [crisisMessages, calloutMessages] as const

/**
 * What crisis mode brings to the app: the templates, the administrator's switch, the banner's
 * message, the mass call for volunteers and the territory's history of crises; src/app.ts
 * assembles it. The calls domain hands in how to launch a call campaign (src/modules.ts); without
 * it the switch offers none.
 */
export function crisisModule(slots: CrisisSlots = {}): DomainModule {
  return {
    name: 'crisis',
    routes: [crisisPages(slots), calloutPages],
    jobs: registerCalloutJobs,
    demo: seedDemoCrisis,
    messages: [...messages],
    mails: calloutMails,
    schema: { ...crisisSchema },
  }
}

type CrisisMessageKeys = KeysOf<typeof messages>
type CrisisMails = typeof calloutMails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends CrisisMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends CrisisMails {}
}
