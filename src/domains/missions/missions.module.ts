import type { DomainModule } from '../../platform/modules.ts'
import * as missionSchema from './mission.schema.ts'

/** What missions brings to the app; src/app.ts assembles every module. */
export const missionsModule: DomainModule = {
  name: 'missions',
  routes: [],
  messages: [],
  mails: {},
  schema: { ...missionSchema },
}
