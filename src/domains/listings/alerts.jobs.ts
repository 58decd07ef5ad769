import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type AlertRecipient, alertRecipients } from './alert-recipients.ts'
import { listingForAlerts, markNotified } from './saved-search.repository.ts'
import { describeSavedSearch, SavedSearchService, unsubscribeToken } from './saved-search.service.ts'
import { type SearchFilter, type SearchRow, searchListings } from './search.repository.ts'
import { presentResult } from './search.service.ts'

export const ALERT_PUBLISHED_JOB = 'alerts.published'
export const ALERT_DIGEST_JOB = 'alerts.digest'
const DIGEST_MAX = 20
const DAY_S = 86_400

/**
 * Call when a listing becomes published (after moderation too), ideally with the transaction
 * that publishes it: one job per listing, so its alerts go out once even if called twice.
 */
export function notifyPublished(services: AppServices, listingId: string, tx?: DbOrTx): Promise<string> {
  return services.jobs.enqueue(
    ALERT_PUBLISHED_JOB,
    { listingId },
    { dedupeKey: `${ALERT_PUBLISHED_JOB}:${listingId}`, ...(tx ? { tx } : {}) },
  )
}

export function registerAlertJobs(services: AppServices): void {
  services.worker.register(ALERT_PUBLISHED_JOB, async (payload) => {
    await sendImmediateAlerts(services, String(payload.listingId))
  })
  services.worker.register(ALERT_DIGEST_JOB, async () => {
    await sendDigests(services)
  })
}

/** The daily digest runs at 7:00 UTC (8:00 or 9:00 in Paris), one job per day whatever the number of processes. */
export async function scheduleAlertJobs(services: AppServices): Promise<void> {
  const now = services.clock.now()
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7))
  if (first <= now) first.setUTCDate(first.getUTCDate() + 1)
  await services.jobs.scheduleRecurring(ALERT_DIGEST_JOB, DAY_S, { firstRunAt: first })
}

/** Links in mails go to the territory's own host name, with the scheme of the configured address. */
async function filterOf(
  services: AppServices,
  territory: Territory,
  recipient: AlertRecipient,
): Promise<SearchFilter> {
  const s = recipient.search
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

async function mailParts(services: AppServices, territory: Territory, recipient: AlertRecipient) {
  const saved = new SavedSearchService(services)
  const view = await saved.present(territory, recipient.search)
  const t = translator(recipient.locale)
  const base = territoryBaseUrl(services.config.publicUrl, territory)
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

async function territoryById(services: AppServices, id: string): Promise<Territory | null> {
  return (await services.territories.list()).find((t) => t.id === id) ?? null
}

/** One mail per immediate alert the new listing matches; never to its author. */
export async function sendImmediateAlerts(services: AppServices, listingId: string): Promise<number> {
  const { db } = services.database
  const listing = await listingForAlerts(db, listingId)
  if (!listing || listing.status !== 'published') return 0
  const territory = await territoryById(services, listing.territoryId)
  if (!territory) return 0
  const recipients = await alertRecipients(db, {
    frequency: 'immediate',
    territoryId: territory.id,
    excludeAccountId: listing.authorId,
  })
  const matches: {
    recipient: AlertRecipient
    row: SearchRow
    parts: Awaited<ReturnType<typeof mailParts>>
  }[] = []
  for (const recipient of recipients) {
    const filter = { ...(await filterOf(services, territory, recipient)), listingId }
    const [row] = (await searchListings(db, filter, { sort: 'newest', cursor: null, limit: 1 })).rows
    if (row) matches.push({ recipient, row, parts: await mailParts(services, territory, recipient) })
  }
  // All mails are queued together: a retry of this job after a failure sends none twice. Nothing
  // else reads the database inside (the embedded database has a single connection).
  await db.transaction(async (tx) => {
    for (const { recipient, row, parts } of matches) {
      const result = presentResult(row, recipient.locale)
      await services.mailer.send({
        territory,
        to: recipient.email,
        locale: recipient.locale,
        template: 'alert-immediate',
        data: {
          title: result.title,
          category: result.category.name,
          commune: result.commune.name ?? result.commune.insee,
          summary: parts.summary,
          link: `${parts.base}/annonces/${result.id}`,
          unsubscribe: parts.unsubscribe,
        },
        headers: parts.headers,
        tx,
      })
      await markNotified(tx, recipient.search.id, services.clock.now())
    }
  })
  return matches.length
}

/**
 * The daily digest: for each daily alert, what was published since its last mail. Each alert
 * is marked in the transaction that queues its mail, so a retried job skips those already sent.
 */
export async function sendDigests(services: AppServices): Promise<number> {
  const { db } = services.database
  const territories = new Map((await services.territories.list()).map((t) => [t.id, t]))
  let sent = 0
  for (const recipient of await alertRecipients(db, { frequency: 'daily' })) {
    const territory = territories.get(recipient.search.territoryId)
    if (!territory) continue
    const since = recipient.search.lastNotifiedAt ?? recipient.search.createdAt
    const filter = { ...(await filterOf(services, territory, recipient)), publishedAfter: since }
    const { rows } = await searchListings(db, filter, { sort: 'newest', cursor: null, limit: DIGEST_MAX })
    const now = services.clock.now()
    if (rows.length === 0) continue
    const parts = await mailParts(services, territory, recipient)
    const items = rows.map((row) => {
      const r = presentResult(row, recipient.locale)
      return `${parts.t('alerts.mail.listing', { title: r.title, category: r.category.name, commune: r.commune.name ?? r.commune.insee })} : ${parts.base}/annonces/${r.id}`
    })
    await db.transaction(async (tx) => {
      await services.mailer.send({
        territory,
        to: recipient.email,
        locale: recipient.locale,
        template: 'alert-digest',
        data: {
          count: String(rows.length),
          items: items.join('\n'),
          summary: parts.summary,
          link: parts.href,
          unsubscribe: parts.unsubscribe,
        },
        headers: parts.headers,
        tx,
      })
      await markNotified(tx, recipient.search.id, now)
    })
    sent += 1
  }
  return sent
}
