import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { casePagesMessages } from './case.messages.ts'
import { casePages } from './case.pages.tsx'
import { seedDemoPhone } from './demo-phone.ts'
import { lineMessages } from './line.messages.ts'
import { personPages } from './person.pages.tsx'
import type { ConsentWithdrawnHook } from './person.service.ts'
import { personSmsMessages } from './person-sms.messages.ts'
import { clearPeopleSmsConsent } from './person-sms.service.ts'
import { phoneMessages } from './phone.messages.ts'
import * as phoneSchema from './phone.schema.ts'
import { queuePages } from './queue.pages.tsx'

const messages = [phoneMessages, lineMessages, casePagesMessages, personSmsMessages] as const

/**
 * What the Département's phone line brings to the app: people without accounts and their consent,
 * the cases the agents follow, the asks they post and accept for them; src/app.ts assembles it.
 * `consentWithdrawn`: what other domains end in the transaction of a withdrawal (calls to isolated
 * people register the same people); src/modules.ts hands them in.
 */
export function phoneModule(options: { consentWithdrawn: readonly ConsentWithdrawnHook[] }): DomainModule {
  return {
    name: 'phone',
    demo: seedDemoPhone,
    // a « STOP » answered to an SMS ends the agreement of the line's people with that number
    smsStopped: clearPeopleSmsConsent,
    routes: [queuePages, personPages(options.consentWithdrawn), casePages],
    messages: [...messages],
    mails: {},
    schema: { ...phoneSchema },
  }
}

type PhoneMessageKeys = KeysOf<typeof messages>

// The module's text keys, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends PhoneMessageKeys {}
}
