import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { allocationMessages } from './allocation.messages.ts'
import { allocationPages } from './allocation.pages.tsx'
import { campaignMessages } from './campaign.messages.ts'
import * as campaignSchema from './campaign.schema.ts'
import { demandApi } from './demand.api.ts'
import { demandMessages } from './demand.messages.ts'
import { requestPages } from './request.pages.tsx'

const messages = [campaignMessages, demandMessages, allocationMessages] as const

/**
 * What supply campaigns bring to the app: the supply side (campaigns, points, makers, batches,
 * the ledger, the public progress) and the demand side (requests, allocation); src/app.ts
 * assembles every module.
 */
export const campaignsModule: DomainModule = {
  name: 'campaigns',
  routes: [requestPages, allocationPages, demandApi],
  messages: [...messages],
  mails: {},
  schema: { ...campaignSchema },
}

type CampaignsMessageKeys = KeysOf<typeof messages>

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends CampaignsMessageKeys {}
}
