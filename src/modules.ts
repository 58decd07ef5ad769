import { accountsModule } from './domains/accounts/accounts.module.ts'
import { callsModule } from './domains/calls/calls.module.ts'
import { endCallsOfPerson, startCallCampaign } from './domains/calls/index.ts'
import { campaignsModule } from './domains/campaigns/campaigns.module.ts'
import { categoriesModule } from './domains/categories/categories.module.ts'
import { crisisModule } from './domains/crisis/crisis.module.ts'
import { crisisGuidance, crisisHomeSection } from './domains/crisis/index.ts'
import { dispatchModule } from './domains/dispatch/dispatch.module.ts'
import { listingsModule } from './domains/listings/listings.module.ts'
import { listingResponses } from './domains/matches/index.ts'
import { matchesModule } from './domains/matches/matches.module.ts'
import { missionSearch, missionsSection } from './domains/missions/index.ts'
import { missionsModule } from './domains/missions/missions.module.ts'
import { suspendedSignIn } from './domains/moderation/index.ts'
import { moderationModule } from './domains/moderation/moderation.module.ts'
import { needsSection } from './domains/needs/index.ts'
import { needsModule } from './domains/needs/needs.module.ts'
import { notificationsModule } from './domains/notifications/notifications.module.ts'
import { organisationsModule } from './domains/organisations/organisations.module.ts'
import { phoneModule } from './domains/phone/phone.module.ts'
import { producersSection } from './domains/producers/index.ts'
import { producersModule } from './domains/producers/producers.module.ts'
import { reportsModule } from './domains/reports/reports.module.ts'
import { statisticsModule } from './domains/statistics/statistics.module.ts'
import { territoriesModule } from './domains/territories/territories.module.ts'
import { volunteersModule } from './domains/volunteers/volunteers.module.ts'
import { registerEasyRead, registerMessages } from './platform/i18n/catalogues.ts'
import { registerMailTemplates } from './platform/mail/templates.tsx'
import type { DomainModule } from './platform/modules.ts'

/** Every domain of the app, in the order their routes are registered. */
export const modules: readonly DomainModule[] = [
  // the home page features what a crisis opens: crisis builds on territories and hands its block in
  territoriesModule({ homeSections: [crisisHomeSection] }),
  // a suspended person signing in hears why from moderation, which sits above accounts
  accountsModule({ suspendedSignIn }),
  categoriesModule,
  // the responses (matches) plug into the listing pages here, and missions into the search and its
  // alerts: both build on listings
  // and crisis mode adds its advice to its categories' listings while it lasts
  listingsModule({ responses: listingResponses, missions: missionSearch, guidance: crisisGuidance }),
  matchesModule,
  notificationsModule,
  reportsModule,
  volunteersModule,
  // organisations before what they post: missions for volunteers, material needs and a producer's
  // page, whose sections plug into the organisation's page here (organisations import none)
  organisationsModule({ sections: [missionsSection, needsSection, producersSection] }),
  missionsModule,
  needsModule,
  // supply campaigns and local producers build on organisations (a delegated organisation, a farm)
  campaignsModule,
  producersModule,
  // the phone line posts and accepts asks for people without accounts; calls to isolated people
  // register the same people and raise cases on its queue; crisis mode launches call campaigns
  // a person who withdraws consent on the phone line leaves the calls register in the same transaction
  phoneModule({ consentWithdrawn: [endCallsOfPerson] }),
  callsModule,
  // a crisis may launch a call campaign over the register as it is switched on
  crisisModule({ launchCallCampaign: startCallCampaign }),
  // moderation decides on what every domain above put in the review queue, through their services;
  // dispatch proposes the asks nobody answered to volunteers and turns an acceptance into a match
  moderationModule,
  dispatchModule,
  statisticsModule,
]

/**
 * Gives the platform's registries what the modules bring: their texts (usual and easy-to-read) and
 * their mail templates.
 * Called by buildApp; a test or a command that renders texts without an app calls it first.
 * Calling it again changes nothing.
 */
export function installModules(list: readonly DomainModule[] = modules): void {
  for (const module of list) {
    registerMessages(module.messages)
    registerEasyRead(module.easyRead ?? [])
    registerMailTemplates(module.mails)
  }
}
