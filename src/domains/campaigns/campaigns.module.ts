import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { allocationMessages } from './allocation.messages.ts'
import { allocationPages } from './allocation.pages.tsx'
import { attachmentPages } from './attachment.pages.tsx'
import { campaignApi } from './campaign.api.ts'
import { campaignMessages } from './campaign.messages.ts'
import { campaignPages } from './campaign.pages.tsx'
import * as campaignSchema from './campaign.schema.ts'
import { demandApi } from './demand.api.ts'
import { demandMessages } from './demand.messages.ts'
import { seedDemoCampaigns } from './demo-campaigns.ts'
import { ledgerPages } from './ledger.pages.tsx'
import { makerPages } from './maker.pages.tsx'
import { managePages } from './manage.pages.tsx'
import { requestPages } from './request.pages.tsx'
import { supplyMails } from './supply.mails.ts'
import { supplyMessages } from './supply.messages.ts'
import { supplyStockMessages } from './supply-stock.messages.ts'

const messages = [
  campaignMessages,
  supplyMessages,
  supplyStockMessages,
  demandMessages,
  allocationMessages,
] as const

/**
 * What supply campaigns bring to the app: the supply side (campaigns, points, makers, batches,
 * the ledger, the public progress) and the demand side (requests, allocation); src/app.ts
 * assembles every module.
 */
export const campaignsModule: DomainModule = {
  name: 'campaigns',
  demo: seedDemoCampaigns,
  routes: [
    campaignPages,
    managePages,
    attachmentPages,
    makerPages,
    ledgerPages,
    campaignApi,
    requestPages,
    allocationPages,
    demandApi,
  ],
  messages: [...messages],
  mails: { ...supplyMails },
  schema: { ...campaignSchema },
}

type CampaignsMessageKeys = KeysOf<typeof messages>
type CampaignsMails = typeof supplyMails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends CampaignsMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends CampaignsMails {}
}
