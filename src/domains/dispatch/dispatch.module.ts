import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { seedDemoDispatch } from './demo-dispatch.ts'
import { dispatchApi } from './dispatch.api.ts'
import { registerDispatchJobs, scheduleDispatchJobs } from './dispatch.jobs.ts'
import { dispatchMessages } from './dispatch.messages.ts'
import { dispatchPages } from './dispatch.pages.tsx'
import * as dispatchSchema from './dispatch.schema.ts'
import { planReviewMessages } from './plan-review.messages.ts'
import { proposalMessages } from './proposal.messages.ts'
import { proposalPages } from './proposal.pages.tsx'
import { suggestionMessages } from './suggestion.messages.ts'

const messages = [dispatchMessages, suggestionMessages, proposalMessages, planReviewMessages] as const

/**
 * What dispatch brings to the app: the asks nobody answered, ranked volunteer suggestions,
 * proposals the first volunteer to accept turns into a match, and bulk dispatch solved exactly;
 * src/app.ts assembles it.
 */
export const dispatchModule: DomainModule = {
  name: 'dispatch',
  routes: [dispatchPages, proposalPages, dispatchApi],
  jobs: registerDispatchJobs,
  schedule: scheduleDispatchJobs,
  demo: seedDemoDispatch,
  messages: [...messages],
  mails: {},
  schema: { ...dispatchSchema },
}

type DispatchMessageKeys = KeysOf<typeof messages>

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends DispatchMessageKeys {}
}
