import type { DomainModule } from '../../platform/modules.ts'
import * as needSchema from './need.schema.ts'

/** What needs brings to the app; src/app.ts assembles every module. */
export const needsModule: DomainModule = {
  name: 'needs',
  routes: [],
  messages: [],
  mails: {},
  schema: { ...needSchema },
}
