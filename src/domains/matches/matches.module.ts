import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { conversationApi } from './conversation.api.ts'
import { conversationEasyRead } from './conversation.easy-read.ts'
import { registerConversationJobs, scheduleConversationJobs } from './conversation.jobs.ts'
import { conversationMails } from './conversation.mails.ts'
import { conversationMessages } from './conversation.messages.ts'
import { conversationPages } from './conversation.pages.tsx'
import { registerFollowUpJobs, scheduleFollowUpJobs } from './follow-up.jobs.ts'
import { followUpMessages } from './follow-up.messages.ts'
import { followUpPages } from './follow-up.pages.tsx'
import { matchApi } from './match.api.ts'
import { matchEasyRead } from './match.easy-read.ts'
import { matchMessages } from './match.messages.ts'
import { matchPages } from './match.pages.tsx'
import * as matchSchema from './match.schema.ts'
import { relayMessages } from './relay.messages.ts'

const messages = [matchMessages, conversationMessages, followUpMessages, relayMessages] as const
const mails = { ...conversationMails }

/** What matches brings to the app; src/app.ts assembles every module. */
export const matchesModule: DomainModule = {
  name: 'matches',
  routes: [matchPages, matchApi, conversationPages, conversationApi, followUpPages],
  jobs: (services) => {
    registerConversationJobs(services)
    registerFollowUpJobs(services)
  },
  schedule: async (services) => {
    await scheduleConversationJobs(services)
    await scheduleFollowUpJobs(services)
  },
  messages: [...messages],
  easyRead: [matchEasyRead, conversationEasyRead],
  mails,
  schema: { ...matchSchema },
}

type MatchesMessageKeys = KeysOf<typeof messages>
type MatchesMails = typeof mails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends MatchesMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends MatchesMails {}
}
