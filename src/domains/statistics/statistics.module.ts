import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { dashboardMessages } from './dashboard.messages.ts'
import { dashboardPages } from './dashboard.pages.tsx'
import { seedDemoHistory } from './demo-history.ts'
import { openDataPages } from './open-data.pages.ts'
import { publicBilanMessages } from './public.messages.ts'
import { publicBilanPages } from './public.pages.tsx'
import { registerStatisticsJobs, scheduleStatisticsJobs } from './statistics.jobs.ts'
import { statisticsMessages } from './statistics.messages.ts'
import * as statisticsSchema from './statistics.schema.ts'

const messages = [statisticsMessages, publicBilanMessages, dashboardMessages] as const

/**
 * What the bilan brings to the app: rollups folded from the platform's `stat_events` by a job,
 * the staff dashboard and its exports, the public bilan and the open data; src/app.ts assembles it.
 */
export const statisticsModule: DomainModule = {
  name: 'statistics',
  routes: [publicBilanPages, openDataPages, dashboardPages],
  demo: seedDemoHistory,
  jobs: registerStatisticsJobs,
  schedule: scheduleStatisticsJobs,
  messages: [...messages],
  mails: {},
  schema: { ...statisticsSchema },
}

type StatisticsMessageKeys = KeysOf<typeof messages>

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends StatisticsMessageKeys {}
}
