import type { DomainModule } from '../../platform/modules.ts'
import * as organisationSchema from './organisation.schema.ts'
import { directoryMessageTables } from './organisation-directory.messages.ts'
import { organisationDirectoryPages } from './organisation-directory.pages.tsx'
import { organisationLogoPages } from './organisation-logo.pages.tsx'

/** What organisations brings to the app; src/app.ts assembles every module. */
export const organisationsModule: DomainModule = {
  name: 'organisations',
  routes: [organisationLogoPages, organisationDirectoryPages],
  messages: [...directoryMessageTables],
  mails: {},
  schema: { ...organisationSchema },
}
