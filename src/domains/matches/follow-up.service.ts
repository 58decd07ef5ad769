import { type Actor, can } from '../../platform/auth/actor.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import { accountCards } from '../accounts/index.ts'
import { listCategories } from '../categories/index.ts'
import { listingsByIds } from '../listings/index.ts'
import { answeredListings, openFollowUpRows } from './follow-up.repository.ts'
import type { FollowUpRow } from './views/FollowUpPages.tsx'

/** The asks nobody answered, for coordinators (dispatch tools come later). */
export async function openFollowUps(
  services: AppServices,
  actor: Actor | null,
  territory: Territory,
  locale: Locale,
): Promise<FollowUpRow[]> {
  if (!can(actor, 'listing:follow-up')) throw new HttpError(403, 'forbidden')
  const { db } = services.database
  const open = await openFollowUpRows(db, territory.id)
  const ids = open.map((f) => f.listingId)
  const listings = await listingsByIds(db, territory.id, ids)
  const answered = await answeredListings(db, ids)
  // Checked against the listing itself: one answered or closed since the job's last run is gone.
  const waiting = open.flatMap((f) => {
    const listing = listings.get(f.listingId)
    return listing?.kind === 'ask' && listing.status === 'published' && !answered.has(f.listingId)
      ? [{ listing, flaggedAt: f.flaggedAt }]
      : []
  })
  const categories = new Map(
    (await listCategories(db, territory.id, { activeOnly: false })).map((c) => [c.id, c.name]),
  )
  const authors = await accountCards(
    db,
    waiting.map((w) => w.listing.authorId),
  )
  const names = new Map<string, string>()
  for (const insee of new Set(waiting.map((w) => w.listing.communeInsee))) {
    const commune = await services.communes.find(territory, insee)
    names.set(insee, commune?.name ?? insee)
  }
  return waiting.map(({ listing, flaggedAt }) => {
    const category = categories.get(listing.categoryId)
    return {
      listingId: listing.id,
      title: listing.title,
      communeName: names.get(listing.communeInsee) ?? listing.communeInsee,
      categoryName: category ? localised(category, locale) : '',
      authorName: authors.get(listing.authorId)?.displayName ?? '',
      publishedAt: listing.publishedAt,
      flaggedAt,
    }
  })
}
