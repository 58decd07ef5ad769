import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { categoryApi } from './category.api.ts'
import { categoryMessages } from './category.messages.ts'
import { categoryPages } from './category.pages.tsx'
import * as categorySchema from './category.schema.ts'

const messages = [categoryMessages] as const

/** What categories brings to the app; src/app.ts assembles every module. */
export const categoriesModule: DomainModule = {
  name: 'categories',
  routes: [categoryPages, categoryApi],
  messages: [...messages],
  mails: {},
  schema: { ...categorySchema },
}

type CategoriesMessageKeys = KeysOf<typeof messages>

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends CategoriesMessageKeys {}
}
