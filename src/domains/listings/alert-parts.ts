import { territoryBaseUrl } from '../../platform/http/links.ts'
import { formatDateTime, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { AlertRecipient } from './alert-recipients.ts'
import { describeSavedSearch, SavedSearchService, unsubscribeToken } from './saved-search.service.ts'
import type { SearchFilter } from './search.repository.ts'
import type { MissionHit, MissionSearchFilter } from './search-missions.ts'

// What the alerts of listings and of missions share: the filter a saved search stands for, and
// the parts of every alert mail (summary, links, one-click unsubscribe).

/** The saved search as the listings' filter; null when it asks for missions only. */
export async function filterOf(
  services: AppServices,
  territory: Territory,
  recipient: AlertRecipient,
): Promise<SearchFilter | null> {
  const s = recipient.search
  if (s.kind === 'mission') return null
  const centre = s.communeInsee ? await services.communes.find(territory, s.communeInsee) : null
  return {
    territoryId: territory.id,
    kind: s.kind,
    categories: s.categoryIds,
    words: s.words,
    centre,
    radiusKm: centre ? s.radiusKm : null,
    urgency: s.urgency,
    now: services.clock.now(),
  }
}

/** The saved search as the missions' filter; null when it asks for asks or offers only. */
export async function missionFilterOf(
  services: AppServices,
  territory: Territory,
  recipient: AlertRecipient,
): Promise<MissionSearchFilter | null> {
  const s = recipient.search
  if (s.kind !== null && s.kind !== 'mission') return null
  const centre = s.communeInsee ? await services.communes.find(territory, s.communeInsee) : null
  return {
    territoryId: territory.id,
    words: s.words,
    categories: s.categoryIds,
    centre,
    radiusKm: centre ? s.radiusKm : null,
    now: services.clock.now(),
  }
}

/** Links in mails go to the territory's own host name, with the scheme of the configured address. */
export async function mailParts(services: AppServices, territory: Territory, recipient: AlertRecipient) {
  const saved = new SavedSearchService(services)
  const view = await saved.present(territory, recipient.search)
  const t = translator(recipient.locale)
  const base = territoryBaseUrl(services.config, territory)
  const unsubscribe = `${base}/alertes/desabonnement?jeton=${unsubscribeToken(services.config.appSecret, recipient.search.id)}`
  return {
    t,
    base,
    summary: describeSavedSearch(view, t),
    href: `${base}${view.href}`,
    unsubscribe,
    // RFC 8058: the mail client offers « se désabonner » and POSTs to the address itself, no page opened.
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}

export type MailParts = Awaited<ReturnType<typeof mailParts>>

/** « Distribution de colis – Les Restos du Cœur, Caen, prochain créneau le 6 juin 2026 à 09:00 » */
export function missionLine(parts: MailParts, hit: MissionHit, locale: AlertRecipient['locale']): string {
  return parts.t('alerts.mail.mission', {
    title: hit.title,
    organisation: hit.organisationName,
    commune: hit.commune.name ?? hit.commune.insee,
    date: formatDateTime(hit.nextSlot.startsAt, locale),
  })
}

export async function territoryById(services: AppServices, id: string): Promise<Territory | null> {
  return (await services.territories.list()).find((t) => t.id === id) ?? null
}
