import type { DomainModule } from '../../platform/modules.ts'
import * as organisationSchema from './organisation.schema.ts'

/** What organisations brings to the app; src/app.ts assembles every module. */
export const organisationsModule: DomainModule = {
  name: 'organisations',
  routes: [],
  messages: [],
  mails: {},
  schema: { ...organisationSchema },
}
