import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { crisisMessages } from './crisis.messages.ts'
import * as crisisSchema from './crisis.schema.ts'

const messages = [crisisMessages] as const

/**
 * What crisis mode brings to the app: the templates, the administrator's switch, the banner's
 * message, the mass call for volunteers and the territory's history of crises; src/app.ts assembles it.
 */
export const crisisModule: DomainModule = {
  name: 'crisis',
  routes: [],
  messages: [...messages],
  mails: {},
  schema: { ...crisisSchema },
}

type CrisisMessageKeys = KeysOf<typeof messages>

// The module's text keys, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends CrisisMessageKeys {}
}
