import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { reportApi } from './report.api.ts'
import { reportMessages } from './report.messages.ts'
import { reportPages } from './report.pages.tsx'
import * as reportSchema from './report.schema.ts'

const messages = [reportMessages] as const

/** What reports brings to the app; src/app.ts assembles every module. */
export const reportsModule: DomainModule = {
  name: 'reports',
  routes: [reportPages, reportApi],
  messages: [...messages],
  mails: {},
  schema: { ...reportSchema },
}

type ReportsMessageKeys = KeysOf<typeof messages>

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends ReportsMessageKeys {}
}
