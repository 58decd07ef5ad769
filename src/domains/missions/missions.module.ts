import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { seedDemoMissions } from './demo-missions.ts'
import { missionApi } from './mission.api.ts'
import { registerMissionJobs, scheduleMissionJobs } from './mission.jobs.ts'
import { missionMails } from './mission.mails.ts'
import { missionMessages } from './mission.messages.ts'
import { missionPages } from './mission.pages.tsx'
import * as missionSchema from './mission.schema.ts'
import { missionModerationPages } from './mission-moderation.pages.tsx'
import { signupPages } from './signup.pages.tsx'

const messages = [missionMessages] as const
const mails = missionMails

/** What missions brings to the app; src/app.ts assembles every module. */
export const missionsModule: DomainModule = {
  name: 'missions',
  demo: seedDemoMissions,
  routes: [missionPages, signupPages, missionModerationPages, missionApi],
  jobs: registerMissionJobs,
  schedule: scheduleMissionJobs,
  messages: [...messages],
  mails,
  schema: { ...missionSchema },
}

type MissionsMessageKeys = KeysOf<typeof messages>
type MissionsMails = typeof mails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends MissionsMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends MissionsMails {}
}
