import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { appealApi } from './appeal.api.ts'
import { appealMails } from './appeal.mails.ts'
import { appealMessages } from './appeal.messages.ts'
import { appealPages } from './appeal.pages.tsx'
import { appealReviewMessages } from './appeal-review.messages.ts'
import { appealReviewPages } from './appeal-review.pages.tsx'
import { decisionMails } from './decision.mails.ts'
import { decisionMessages } from './decision.messages.ts'
import { seedDemoModeration } from './demo-moderation.ts'
import { moderationMessages } from './moderation.messages.ts'
import * as moderationSchema from './moderation.schema.ts'
import { mySanctionsPages } from './my-sanctions.pages.tsx'
import { queueApi } from './queue.api.ts'
import { queueMessages } from './queue.messages.ts'
import { queuePages } from './queue.pages.tsx'
import { reviewPolicyMessages } from './review-policy.messages.ts'
import { reviewPolicyPages } from './review-policy.pages.tsx'
import { registerSanctionJobs, scheduleSanctionJobs } from './sanction-life.jobs.ts'

const messages = [
  moderationMessages,
  queueMessages,
  decisionMessages,
  reviewPolicyMessages,
  appealMessages,
  appealReviewMessages,
] as const
const mails = { ...decisionMails, ...appealMails }

/**
 * What moderation brings to the app: the territory's one queue (held content, reports,
 * organisations to verify, appeals), decisions and sanctions, appeals, and the review before
 * publication; src/app.ts assembles it.
 */
export const moderationModule: DomainModule = {
  name: 'moderation',
  // the appeals' static addresses (/administration/moderation/recours…) win over the queue's /:id
  routes: [
    queuePages,
    queueApi,
    reviewPolicyPages,
    appealPages,
    mySanctionsPages,
    appealReviewPages,
    appealApi,
  ],
  jobs: (services) => {
    registerSanctionJobs(services)
  },
  schedule: async (services) => {
    await scheduleSanctionJobs(services)
  },
  messages: [...messages],
  mails,
  schema: { ...moderationSchema },
  demo: seedDemoModeration,
}

type ModerationMessageKeys = KeysOf<typeof messages>
type ModerationMails = typeof mails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends ModerationMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends ModerationMails {}
}
