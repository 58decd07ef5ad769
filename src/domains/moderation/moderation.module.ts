import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { decisionMails } from './decision.mails.ts'
import { decisionMessages } from './decision.messages.ts'
import { seedDemoModeration } from './demo-moderation.ts'
import { moderationMessages } from './moderation.messages.ts'
import * as moderationSchema from './moderation.schema.ts'
import { queueApi } from './queue.api.ts'
import { queueMessages } from './queue.messages.ts'
import { queuePages } from './queue.pages.tsx'

import { reviewPolicyMessages } from './review-policy.messages.ts'
import { reviewPolicyPages } from './review-policy.pages.tsx'

const messages = [moderationMessages, queueMessages, decisionMessages, reviewPolicyMessages] as const

/**
 * What moderation brings to the app: the territory's one queue (held content, reports,
 * organisations to verify, appeals), decisions and sanctions, appeals, and the review before
 * publication; src/app.ts assembles it.
 */
export const moderationModule: DomainModule = {
  name: 'moderation',
  routes: [queuePages, queueApi, reviewPolicyPages],
  messages: [...messages],
  mails: { ...decisionMails },
  schema: { ...moderationSchema },
  demo: seedDemoModeration,
}

type ModerationMessageKeys = KeysOf<typeof messages>
type ModerationMails = typeof decisionMails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends ModerationMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends ModerationMails {}
}
