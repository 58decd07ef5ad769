import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { callsMessages } from './calls.messages.ts'
import * as callsSchema from './calls.schema.ts'

const messages = [callsMessages] as const

/**
 * What the calls to isolated people bring to the app: the register, the callers and their pairings,
 * the one-tap outcome of each call, and the call campaigns of a crisis; src/app.ts assembles it.
 */
export const callsModule: DomainModule = {
  name: 'calls',
  routes: [],
  messages: [...messages],
  mails: {},
  schema: { ...callsSchema },
}

type CallsMessageKeys = KeysOf<typeof messages>

// The module's text keys, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends CallsMessageKeys {}
}
