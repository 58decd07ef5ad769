import { type Actor, can } from '../../platform/auth/actor.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import { listOpenFollowUps } from './follow-up.repository.ts'
import type { FollowUpRow } from './views/FollowUpPages.tsx'

/** The asks nobody answered, for coordinators (dispatch tools come later). */
export async function openFollowUps(
  services: AppServices,
  actor: Actor | null,
  territory: Territory,
  locale: Locale,
): Promise<FollowUpRow[]> {
  if (!can(actor, 'listing:follow-up')) throw new HttpError(403, 'forbidden')
  const rows = await listOpenFollowUps(services.database.db, territory.id)
  const names = new Map<string, string>()
  for (const insee of new Set(rows.map((r) => r.communeInsee))) {
    const commune = await services.communes.find(territory, insee)
    names.set(insee, commune?.name ?? insee)
  }
  return rows.map((r) => ({
    listingId: r.listingId,
    title: r.title,
    communeName: names.get(r.communeInsee) ?? r.communeInsee,
    categoryName: localised(r.categoryName, locale),
    authorName: r.authorName,
    publishedAt: r.publishedAt,
    flaggedAt: r.flaggedAt,
  }))
}
