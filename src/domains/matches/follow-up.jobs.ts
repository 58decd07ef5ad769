import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { listingById } from '../listings/index.ts'
import { notify } from '../notifications/index.ts'
import {
  claimInactive,
  closeEndedPending,
  dueEndedPending,
  dueInactive,
  dueUnanswered,
  flagUnanswered,
  resolveFollowUps,
} from './follow-up.repository.ts'

export const FOLLOW_UP_JOB = 'matches.follow-up'
/** Every quarter of an hour: a reminder a few minutes late is fine, hours would not be. */
export const FOLLOW_UP_INTERVAL_SECONDS = 900

const HOUR_MS = 3_600_000
/** A match with no message nor change for a week gets one reminder per period of silence. */
export const INACTIVE_AFTER_MS = 7 * 24 * HOUR_MS
/** An ask with no response two days after publication: tips for its author, a line for coordinators. */
export const UNANSWERED_AFTER_MS = 48 * HOUR_MS
/** How many of each a run handles; the next run takes the rest. */
const BATCH = 200

export const TIPS_PATH = '/conseils/demande-sans-reponse'

async function territoriesById(services: AppServices): Promise<Map<string, Territory>> {
  return new Map((await services.territories.list()).map((t) => [t.id, t]))
}

/**
 * Reminds both parties of a silent match. The match is marked and both notifications written in
 * one transaction per match: a crash sends nothing or everything, and a second run finds nothing.
 */
export async function remindInactive(services: AppServices): Promise<number> {
  const { database, clock } = services
  const now = clock.now()
  const cutoff = new Date(now.getTime() - INACTIVE_AFTER_MS)
  const territories = await territoriesById(services)
  let sent = 0
  for (const id of await dueInactive(database.db, cutoff, BATCH)) {
    const done = await database.db.transaction(async (tx) => {
      const match = await claimInactive(tx, id, cutoff, now)
      const territory = match && territories.get(match.territoryId)
      if (!match || !territory) return false
      const listing = await listingById(tx, match.territoryId, match.listingId)
      const params = { title: listing?.title ?? '' }
      const link = `/mises-en-relation/${match.id}`
      for (const accountId of [match.authorId, match.responderId])
        await notify(services, tx, { territory, accountId, kind: 'match.inactive', params, link })
      return true
    })
    if (done) sent += 1
  }
  return sent
}

/**
 * Flags asks nobody answered within 48 hours and sends their author the tips, in one transaction
 * per ask: the flag row is what makes the tips go once.
 */
export async function flagUnansweredAsks(services: AppServices): Promise<number> {
  const { database, clock } = services
  const now = clock.now()
  const cutoff = new Date(now.getTime() - UNANSWERED_AFTER_MS)
  const territories = await territoriesById(services)
  let flagged = 0
  for (const id of await dueUnanswered(database.db, cutoff, BATCH)) {
    const done = await database.db.transaction(async (tx) => {
      const listing = await flagUnanswered(tx, id, cutoff, now)
      const territory = listing && territories.get(listing.territoryId)
      if (!listing || !territory) return false
      await notify(services, tx, {
        territory,
        accountId: listing.authorId,
        kind: 'listing.noResponse',
        params: { title: listing.title },
        link: TIPS_PATH,
      })
      return true
    })
    if (done) flagged += 1
  }
  return flagged
}

/**
 * Responses still waiting when their listing was fulfilled, closed or removed: the responder is
 * told the listing no longer needs them, rather than waiting for a decision that will not come.
 */
export async function closeResponsesOfEndedListings(services: AppServices): Promise<number> {
  const { database, clock } = services
  const now = clock.now()
  const territories = await territoriesById(services)
  let closed = 0
  for (const id of await dueEndedPending(database.db, BATCH)) {
    const done = await database.db.transaction(async (tx) => {
      const match = await closeEndedPending(tx, id, now)
      const territory = match && territories.get(match.territoryId)
      if (!match || !territory) return false
      const listing = await listingById(tx, match.territoryId, match.listingId)
      await notify(services, tx, {
        territory,
        accountId: match.responderId,
        kind: 'match.listingEnded',
        params: { title: listing?.title ?? '' },
        link: `/mises-en-relation/${match.id}`,
      })
      return true
    })
    if (done) closed += 1
  }
  return closed
}

/**
 * One run: close the follow-ups that got a response or ended, flag new ones, remind silent
 * matches, and close the responses of listings that ended.
 */
export async function runFollowUps(services: AppServices) {
  const resolved = await resolveFollowUps(services.database.db, services.clock.now())
  const flagged = await flagUnansweredAsks(services)
  const reminded = await remindInactive(services)
  const closed = await closeResponsesOfEndedListings(services)
  return { resolved, flagged, reminded, closed }
}

export function registerFollowUpJobs(services: AppServices): void {
  services.worker.register(FOLLOW_UP_JOB, async () => {
    await runFollowUps(services)
  })
}

/** Called once per process start; the schedule is one row shared by all processes. */
export async function scheduleFollowUpJobs(services: AppServices): Promise<void> {
  await services.jobs.scheduleRecurring(FOLLOW_UP_JOB, FOLLOW_UP_INTERVAL_SECONDS)
}
