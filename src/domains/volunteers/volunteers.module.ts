import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { volunteerMessages } from './volunteer.messages.ts'
import { volunteerPages } from './volunteer.pages.tsx'
import * as volunteerSchema from './volunteer.schema.ts'

const messages = [volunteerMessages] as const

/** What volunteers brings to the app; src/app.ts assembles every module. */
export const volunteersModule: DomainModule = {
  name: 'volunteers',
  routes: [volunteerPages],
  messages: [...messages],
  mails: {},
  schema: { ...volunteerSchema },
}

type VolunteersMessageKeys = KeysOf<typeof messages>

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends VolunteersMessageKeys {}
}
