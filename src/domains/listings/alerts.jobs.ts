import type { DbOrTx } from '../../platform/db/client.ts'
import type { AppServices } from '../../platform/services.ts'
import { queuePush } from '../notifications/index.ts'
import {
  filterOf,
  type MailParts,
  mailParts,
  missionFilterOf,
  missionLine,
  territoryById,
} from './alert-parts.ts'
import { type AlertRecipient, alertRecipients } from './alert-recipients.ts'
import { listingForAlerts, markNotified } from './saved-search.repository.ts'
import { type SearchRow, searchListings } from './search.repository.ts'
import { presentResult } from './search.service.ts'
import type { MissionHit, MissionsInSearch } from './search-missions.ts'

export const ALERT_PUBLISHED_JOB = 'alerts.published'
export const ALERT_DIGEST_JOB = 'alerts.digest'
export const ALERT_MISSION_JOB = 'alerts.mission-published'
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

/**
 * Missions call this in the transaction that publishes one (posted, or released by moderation):
 * one job per mission, so its immediate alerts go out once even if it is published again.
 */
export function notifyMissionPublished(
  services: AppServices,
  missionId: string,
  tx?: DbOrTx,
): Promise<string> {
  return services.jobs.enqueue(
    ALERT_MISSION_JOB,
    { missionId },
    { dedupeKey: `${ALERT_MISSION_JOB}:${missionId}`, ...(tx ? { tx } : {}) },
  )
}

export function registerAlertJobs(services: AppServices, missions: MissionsInSearch | null = null): void {
  services.worker.register(ALERT_PUBLISHED_JOB, async (payload) => {
    await sendImmediateAlerts(services, String(payload.listingId))
  })
  services.worker.register(ALERT_MISSION_JOB, async (payload) => {
    if (missions) await sendImmediateMissionAlerts(services, missions, String(payload.missionId))
  })
  services.worker.register(ALERT_DIGEST_JOB, async () => {
    await sendDigests(services, missions)
  })
}

/** The daily digest runs at 7:00 UTC (8:00 or 9:00 in Paris), one job per day whatever the number of processes. */
export async function scheduleAlertJobs(services: AppServices): Promise<void> {
  const now = services.clock.now()
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7))
  if (first <= now) first.setUTCDate(first.getUTCDate() + 1)
  await services.jobs.scheduleRecurring(ALERT_DIGEST_JOB, DAY_S, { firstRunAt: first })
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
  const matches: { recipient: AlertRecipient; row: SearchRow; parts: MailParts }[] = []
  for (const recipient of recipients) {
    const listingFilter = await filterOf(services, territory, recipient)
    if (!listingFilter) continue
    const filter = { ...listingFilter, listingId }
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
      // the devices that took saved searches hear of it too
      await queuePush(services, tx, {
        territory,
        accountId: recipient.search.accountId,
        type: 'savedSearches',
        message: 'notifications.push.savedSearch',
        params: { title: result.title },
        link: `/annonces/${result.id}`,
      })
      await markNotified(tx, recipient.search.id, services.clock.now())
    }
  })
  return matches.length
}

/** One mail per immediate alert the new mission matches; never to the person who posted it. */
export async function sendImmediateMissionAlerts(
  services: AppServices,
  missions: MissionsInSearch,
  missionId: string,
): Promise<number> {
  const { db } = services.database
  const mission = await missions.forAlerts(missionId)
  if (!mission) return 0
  const territory = await territoryById(services, mission.territoryId)
  if (!territory) return 0
  const recipients = await alertRecipients(db, {
    frequency: 'immediate',
    territoryId: territory.id,
    ...(mission.createdBy ? { excludeAccountId: mission.createdBy } : {}),
  })
  const matches: { recipient: AlertRecipient; hit: MissionHit; parts: MailParts }[] = []
  for (const recipient of recipients) {
    const filter = await missionFilterOf(services, territory, recipient)
    if (!filter) continue
    // Since the epoch: the job names the mission, published once (its dedupe key says so).
    const [hit] = await missions.publishedSince(filter, new Date(0), { missionId, limit: 1 })
    if (hit) matches.push({ recipient, hit, parts: await mailParts(services, territory, recipient) })
  }
  await db.transaction(async (tx) => {
    for (const { recipient, hit, parts } of matches) {
      await services.mailer.send({
        territory,
        to: recipient.email,
        locale: recipient.locale,
        template: 'alert-mission',
        data: {
          title: hit.title,
          line: missionLine(parts, hit, recipient.locale),
          summary: parts.summary,
          link: `${parts.base}/missions/${hit.id}`,
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
 * The daily digest: for each daily alert, what was published since its last mail, listings and
 * missions each in their own section. Each alert is marked in the transaction that queues its
 * mail, so a retried job skips those already sent.
 */
export async function sendDigests(
  services: AppServices,
  missions: MissionsInSearch | null = null,
): Promise<number> {
  const { db } = services.database
  const territories = new Map((await services.territories.list()).map((t) => [t.id, t]))
  let sent = 0
  for (const recipient of await alertRecipients(db, { frequency: 'daily' })) {
    const territory = territories.get(recipient.search.territoryId)
    if (!territory) continue
    const since = recipient.search.lastNotifiedAt ?? recipient.search.createdAt
    const listingFilter = await filterOf(services, territory, recipient)
    const missionFilter = missions ? await missionFilterOf(services, territory, recipient) : null
    const [{ rows }, hits] = await Promise.all([
      listingFilter
        ? searchListings(
            db,
            { ...listingFilter, publishedAfter: since },
            { sort: 'newest', cursor: null, limit: DIGEST_MAX },
          )
        : { rows: [] },
      missionFilter ? missions!.publishedSince(missionFilter, since, { limit: DIGEST_MAX }) : [],
    ])
    const now = services.clock.now()
    if (rows.length === 0 && hits.length === 0) continue
    const parts = await mailParts(services, territory, recipient)
    const items = rows.map((row) => {
      const r = presentResult(row, recipient.locale)
      return `${parts.t('alerts.mail.listing', { title: r.title, category: r.category.name, commune: r.commune.name ?? r.commune.insee })} : ${parts.base}/annonces/${r.id}`
    })
    const missionItems = hits.map(
      (hit) => `${missionLine(parts, hit, recipient.locale)} : ${parts.base}/missions/${hit.id}`,
    )
    await db.transaction(async (tx) => {
      await services.mailer.send({
        territory,
        to: recipient.email,
        locale: recipient.locale,
        template: 'alert-digest',
        data: {
          count: String(rows.length + hits.length),
          items: items.join('\n'),
          missions: missionItems.join('\n'),
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
