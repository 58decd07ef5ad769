import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { seedDemoProducers } from './demo-producers.ts'
import { producerApi } from './producer.api.ts'
import { producerMessages } from './producer.messages.ts'
import { producerPages } from './producer.pages.tsx'
import * as producerSchema from './producer.schema.ts'
import { producerDirectoryMessages } from './producer-directory.messages.ts'
import { producerDirectoryPages } from './producer-directory.pages.tsx'
import { producerFormMessages } from './producer-form.messages.ts'
import { producerPageMessages } from './producer-pages.messages.ts'
import { producerPhotoPages } from './producer-photo.pages.tsx'

const messages = [
  producerMessages,
  producerFormMessages,
  producerPageMessages,
  producerDirectoryMessages,
] as const

/**
 * What the local producers' directory brings to the app: producers' pages, their validation by a
 * partner, the public search and the open-data export; src/app.ts assembles every module.
 */
export const producersModule: DomainModule = {
  name: 'producers',
  routes: [producerPages, producerPhotoPages, producerDirectoryPages, producerApi],
  demo: seedDemoProducers,
  messages: [...messages],
  mails: {},
  schema: { ...producerSchema },
}

type ProducersMessageKeys = KeysOf<typeof messages>

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends ProducersMessageKeys {}
}
