import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { seedDemoOrganisations } from './demo-organisations.ts'
import { memberApi } from './member.api.ts'
import { memberMessages } from './member.messages.ts'
import { memberPages } from './member.pages.tsx'
import { organisationApi } from './organisation.api.ts'
import { organisationMails } from './organisation.mails.ts'
import { organisationMessages } from './organisation.messages.ts'
import { organisationPages } from './organisation.pages.tsx'
import * as organisationSchema from './organisation.schema.ts'
import { directoryMessageTables } from './organisation-directory.messages.ts'
import { organisationDirectoryPages } from './organisation-directory.pages.tsx'
import { organisationLogoPages } from './organisation-logo.pages.tsx'
import type { OrganisationSection } from './sections.ts'
import { verificationMessages } from './verification.messages.ts'
import { verificationPages } from './verification.pages.tsx'

const messages = [organisationMessages, memberMessages, verificationMessages] as const
const mails = { ...organisationMails }

export interface OrganisationsSlots {
  /**
   * The blocks of an organisation's page that the domains built on organisations bring (missions,
   * material needs), shown in this order. The app's assembly (src/modules.ts) hands them in.
   */
  sections?: OrganisationSection[]
}

/** What organisations brings to the app; src/app.ts assembles every module. */
export function organisationsModule(slots: OrganisationsSlots = {}): DomainModule {
  return {
    name: 'organisations',
    routes: [
      async function organisationPagesWithSections(app, services) {
        const sections = (slots.sections ?? []).map((section) => section(services))
        await organisationPages(app, { ...services, sections })
      },
      memberPages,
      verificationPages,
      organisationApi,
      memberApi,
      organisationLogoPages,
      organisationDirectoryPages,
    ],
    demo: seedDemoOrganisations,
    messages: [...messages, ...directoryMessageTables],
    mails,
    schema: { ...organisationSchema },
  }
}

type OrganisationsMessageKeys = KeysOf<typeof messages>
type OrganisationsMails = typeof mails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends OrganisationsMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends OrganisationsMails {}
}
