import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import { registerAlertJobs, scheduleAlertJobs } from './alerts.jobs.ts'
import { alertMails } from './alerts.mails.ts'
import { askEasyRead } from './ask.easy-read.ts'
import { askMessages } from './ask.messages.ts'
import { askPages } from './ask.pages.tsx'
import * as askDraftSchema from './ask-draft.schema.ts'
import { seedDemoListings } from './demo-listings.ts'
import { freeHelpMessages } from './free-help.messages.ts'
import { listingApi } from './listing.api.ts'
import { registerListingJobs, scheduleListingJobs } from './listing.jobs.ts'
import { listingMails } from './listing.mails.ts'
import { listingMessages } from './listing.messages.ts'
import { listingPages } from './listing.pages.tsx'
import * as listingSchema from './listing.schema.ts'
import type { ExtraGuidance } from './listing-guidance.ts'
import type { ListingResponses } from './listing-responses.ts'
import { listingReviewMails } from './listing-review.mails.ts'
import { listingReviewMessages } from './listing-review.messages.ts'
import * as listingWordSchema from './listing-word.schema.ts'
import { savedSearchPages } from './saved-search.pages.tsx'
import * as savedSearchSchema from './saved-search.schema.ts'
import { searchApi } from './search.api.ts'
import { searchMessages } from './search.messages.ts'
import { searchPages } from './search.pages.tsx'
import type { MissionsSlot } from './search-missions.ts'

const messages = [
  listingMessages,
  searchMessages,
  freeHelpMessages,
  listingReviewMessages,
  askMessages,
] as const
const mails = { ...listingMails, ...alertMails, ...listingReviewMails }

export interface ListingsSlots {
  /**
   * What the responses add to the listing pages. Matches build on listings, so the app's assembly
   * (src/modules.ts) hands them in; listings never import matches.
   */
  responses?: (services: AppServices) => ListingResponses
  /**
   * Missions for volunteers in the search and in the alerts. Missions build on listings (and on
   * organisations), so the app's assembly hands them in; listings never import missions.
   */
  missions?: MissionsSlot
  /** advice a crisis adds to its categories' listings while it lasts, beside the category's own */
  guidance?: ExtraGuidance
}

/** What listings brings to the app; src/app.ts assembles every module. */
export function listingsModule(slots: ListingsSlots = {}): DomainModule {
  return {
    name: 'listings',
    routes: [
      async function listingPagesWithResponses(app, services) {
        await listingPages(app, {
          ...services,
          responses: slots.responses?.(services),
          guidance: slots.guidance?.(services),
        })
      },
      askPages,
      listingApi,
      async function searchPagesWithMissions(app, services) {
        await searchPages(app, services, slots.missions?.(services) ?? null)
      },
      savedSearchPages,
      async function searchApiWithMissions(app, services) {
        await searchApi(app, services, slots.missions?.(services) ?? null)
      },
    ],
    jobs: (services) => {
      registerListingJobs(services)
      registerAlertJobs(services, slots.missions?.(services) ?? null)
    },
    schedule: async (services) => {
      await scheduleListingJobs(services)
      await scheduleAlertJobs(services)
    },
    demo: seedDemoListings,
    messages: [...messages],
    easyRead: [askEasyRead],
    mails,
    schema: { ...listingSchema, ...listingWordSchema, ...savedSearchSchema, ...askDraftSchema },
  }
}

type ListingsMessageKeys = KeysOf<typeof messages>
type ListingsMails = typeof mails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends ListingsMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends ListingsMails {}
}
