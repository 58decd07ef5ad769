import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import * as helpPointSchema from './help-point.schema.ts'
import { helplineMessages } from './helpline.messages.ts'
import { helplinePages } from './helpline.pages.tsx'
import { seedDemoHelpline } from './helpline-demo.ts'
import * as highlightSchema from './highlight.schema.ts'
import type { HomeSection } from './home-sections.ts'
import { legalMessages } from './legal.messages.ts'
import { seedDemoLegalDetails } from './legal-demo.ts'
import { territoryApi } from './territory.api.ts'
import { territoryEasyRead } from './territory.easy-read.ts'
import { territoryMessages } from './territory.messages.ts'
import { territoryPages } from './territory.pages.tsx'
import * as territoryLogoSchema from './territory-logo.schema.ts'
import { territorySettingsMessages } from './territory-settings.messages.ts'
import { territorySettingsPages } from './territory-settings.pages.tsx'

const messages = [territoryMessages, helplineMessages, legalMessages, territorySettingsMessages] as const

export interface TerritoriesSlots {
  /** blocks of the home page that domains built on territories bring (crisis mode's categories) */
  homeSections?: HomeSection[]
}

/** What territories brings to the app; src/app.ts assembles every module. */
export function territoriesModule(slots: TerritoriesSlots = {}): DomainModule {
  return {
    name: 'territories',
    routes: [
      async function territoryPagesWithSections(app, services) {
        const homeSections = (slots.homeSections ?? []).map((section) => section(services))
        await territoryPages(app, { ...services, homeSections })
      },
      territoryApi,
      helplinePages,
      territorySettingsPages,
    ],
    messages: [...messages],
    easyRead: [territoryEasyRead],
    mails: {},
    schema: { ...highlightSchema, ...helpPointSchema, ...territoryLogoSchema },
    async demo(services, territory) {
      await seedDemoLegalDetails(services, territory)
      return seedDemoHelpline(services, territory)
    },
  }
}

type TerritoriesMessageKeys = KeysOf<typeof messages>

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends TerritoriesMessageKeys {}
}
