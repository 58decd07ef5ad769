import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { campaignMessages } from './campaign.messages.ts'
import * as campaignSchema from './campaign.schema.ts'

const messages = [campaignMessages] as const

/**
 * What supply campaigns bring to the app: the supply side (campaigns, points, makers, batches,
 * the ledger, the public progress) and the demand side (requests, allocation); src/app.ts
 * assembles every module.
 */
export const campaignsModule: DomainModule = {
  name: 'campaigns',
  routes: [],
  messages: [...messages],
  mails: {},
  schema: { ...campaignSchema },
}

type CampaignsMessageKeys = KeysOf<typeof messages>

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends CampaignsMessageKeys {}
}
