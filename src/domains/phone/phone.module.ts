import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { phoneMessages } from './phone.messages.ts'
import * as phoneSchema from './phone.schema.ts'

const messages = [phoneMessages] as const

/**
 * What the Département's phone line brings to the app: people without accounts and their consent,
 * the cases the agents follow, the asks they post and accept for them; src/app.ts assembles it.
 */
export const phoneModule: DomainModule = {
  name: 'phone',
  routes: [],
  messages: [...messages],
  mails: {},
  schema: { ...phoneSchema },
}

type PhoneMessageKeys = KeysOf<typeof messages>

// The module's text keys, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends PhoneMessageKeys {}
}
