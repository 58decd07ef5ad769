import type { DbOrTx } from '../../platform/db/client.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import {
  type AskCursor,
  type Listing,
  listingById,
  listingsByIds,
  publishedAsksBefore,
} from '../listings/index.ts'
import { notify } from '../notifications/index.ts'
import {
  answeredListings,
  claimInactive,
  closePending,
  dueInactive,
  flaggedListings,
  insertFollowUp,
  openFollowUpRows,
  pendingMatches,
  resolveFollowUpRows,
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
/** How many listings or responses are read at once while looking for those to handle. */
const SCAN_PAGE = 500
/** Listings that will take no more responses; an expired one may be renewed, so it is not here. */
const ENDED_LISTING: ReadonlySet<string> = new Set(['fulfilled', 'closed', 'removed'])

export const TIPS_PATH = '/conseils/demande-sans-reponse'

async function territoriesById(services: AppServices): Promise<Map<string, Territory>> {
  return new Map((await services.territories.list()).map((t) => [t.id, t]))
}

/** The listings these rows name, read from listings one territory at a time. */
export async function listingsOf(
  db: DbOrTx,
  rows: readonly { territoryId: string; listingId: string }[],
): Promise<Map<string, Listing>> {
  const byTerritory = new Map<string, string[]>()
  for (const row of rows)
    byTerritory.set(row.territoryId, [...(byTerritory.get(row.territoryId) ?? []), row.listingId])
  const found = new Map<string, Listing>()
  for (const [territoryId, ids] of byTerritory)
    for (const [id, listing] of await listingsByIds(db, territoryId, ids)) found.set(id, listing)
  return found
}

const waitingAsk = (listing: Listing | null | undefined) =>
  listing?.kind === 'ask' && listing.status === 'published'

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
  let after: AskCursor | null = null
  while (flagged < BATCH) {
    const asks = await publishedAsksBefore(database.db, cutoff, after, SCAN_PAGE)
    if (asks.length === 0) break
    const last = asks[asks.length - 1]!
    after = { publishedAt: last.publishedAt, id: last.id }
    const ids = asks.map((a) => a.id)
    const answered = await answeredListings(database.db, ids)
    const flaggedBefore = await flaggedListings(database.db, ids)
    for (const ask of asks) {
      const territory = territories.get(ask.territoryId)
      if (!territory || answered.has(ask.id) || flaggedBefore.has(ask.id)) continue
      const done = await database.db.transaction(async (tx) => {
        // Checked again where the flag is written: a response or a closing may have come meanwhile.
        if (!waitingAsk(await listingById(tx, ask.territoryId, ask.id))) return false
        if ((await answeredListings(tx, [ask.id])).size > 0) return false
        if (!(await insertFollowUp(tx, { listingId: ask.id, territoryId: ask.territoryId, flaggedAt: now })))
          return false
        await notify(services, tx, {
          territory,
          accountId: ask.authorId,
          kind: 'listing.noResponse',
          params: { title: ask.title },
          link: TIPS_PATH,
        })
        return true
      })
      if (done) flagged += 1
      if (flagged >= BATCH) break
    }
    if (asks.length < SCAN_PAGE) break
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
  let after: { createdAt: Date; id: string } | null = null
  while (closed < BATCH) {
    const pending = await pendingMatches(database.db, after, SCAN_PAGE)
    if (pending.length === 0) break
    after = pending[pending.length - 1]!
    const listings = await listingsOf(database.db, pending)
    for (const response of pending) {
      const territory = territories.get(response.territoryId)
      if (!territory || !ENDED_LISTING.has(listings.get(response.listingId)?.status ?? '')) continue
      const done = await database.db.transaction(async (tx) => {
        const listing = await listingById(tx, response.territoryId, response.listingId)
        if (!listing || !ENDED_LISTING.has(listing.status)) return false
        const match = await closePending(tx, response.id, now)
        if (!match) return false
        await notify(services, tx, {
          territory,
          accountId: match.responderId,
          kind: 'match.listingEnded',
          params: { title: listing.title },
          link: `/mises-en-relation/${match.id}`,
        })
        return true
      })
      if (done) closed += 1
      if (closed >= BATCH) break
    }
    if (pending.length < SCAN_PAGE) break
  }
  return closed
}

/** Open follow-ups whose ask got a response or left the listings (closed, fulfilled, expired, removed). */
export async function resolveFollowUps(services: AppServices): Promise<number> {
  const { database, clock } = services
  const open = await openFollowUpRows(database.db, null)
  const listings = await listingsOf(database.db, open)
  const answered = await answeredListings(
    database.db,
    open.map((f) => f.listingId),
  )
  const done = open
    .filter((f) => answered.has(f.listingId) || listings.get(f.listingId)?.status !== 'published')
    .map((f) => f.listingId)
  return resolveFollowUpRows(database.db, done, clock.now())
}

/**
 * One run: close the follow-ups that got a response or ended, flag new ones, remind silent
 * matches, and close the responses of listings that ended.
 */
export async function runFollowUps(services: AppServices) {
  const resolved = await resolveFollowUps(services)
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
