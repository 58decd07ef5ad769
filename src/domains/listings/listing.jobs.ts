import { territoryBaseUrl } from '../../platform/http/links.ts'
import { isLocale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localDay } from '../../platform/views/format.ts'
import { accountCards } from '../accounts/index.ts'
import { claimReminders, expireDue } from './listing.repository.ts'
import { reminderHorizon } from './listing.ts'
import { pruneListingWords } from './search-match.repository.ts'

export const LISTING_JOBS = {
  expire: 'listings.expire',
  remind: 'listings.remind-expiring',
  pruneWords: 'listings.prune-words',
} as const

/** The page the reminder links to: it asks the signed-in author for one click (POST), never renews on GET. */
export const renewPath = (id: string) => `/mes-annonces/${id}/renouveler`

/** Listings past their date leave the search; an hour late at most is fine for mutual aid. */
export async function expireListings(services: AppServices): Promise<number> {
  return expireDue(services.database.db, services.clock.now())
}

/**
 * Tells each author, once, three days before their listing expires. The listings are marked and
 * the mails queued in one transaction: either both happen or neither, and a second run finds nothing.
 */
export async function remindExpiring(services: AppServices): Promise<number> {
  const { clock, config, mailer } = services
  const now = clock.now()
  const territories = new Map((await services.territories.list()).map((t) => [t.id, t]))
  return services.database.db.transaction(async (tx) => {
    const due = await claimReminders(tx, now, reminderHorizon(now))
    const authors = await accountCards(
      tx,
      due.map((l) => l.authorId),
    )
    for (const listing of due) {
      const author = authors.get(listing.authorId)
      const territory = territories.get(listing.territoryId)
      if (!author || author.status !== 'active' || !territory) continue
      const locale = isLocale(author.locale) ? author.locale : 'fr'
      const base = territoryBaseUrl(config, territory)
      await mailer.send({
        territory,
        to: author.email,
        locale,
        template: 'listing-expiring',
        data: {
          name: author.displayName,
          title: listing.title,
          date: localDay(listing.expiresAt, locale),
          link: `${base}${renewPath(listing.id)}`,
        },
        tx,
      })
    }
    return due.length
  })
}

export function registerListingJobs(services: AppServices): void {
  services.worker.register(LISTING_JOBS.expire, async () => {
    await expireListings(services)
  })
  services.worker.register(LISTING_JOBS.remind, async () => {
    await remindExpiring(services)
  })
  services.worker.register(LISTING_JOBS.pruneWords, async () => {
    await pruneListingWords(services.database.db)
  })
}

/** Called once per process start, beside scheduleMaintenance; the schedule is shared by all processes. */
export async function scheduleListingJobs(services: AppServices): Promise<void> {
  await services.jobs.scheduleRecurring(LISTING_JOBS.expire, 3600)
  await services.jobs.scheduleRecurring(LISTING_JOBS.remind, 3600)
  await services.jobs.scheduleRecurring(LISTING_JOBS.pruneWords, 86_400)
}
