import { type Actor, can } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { WriteBatch } from '../../platform/db/write-batch.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCard } from '../accounts/index.ts'
import { findCategory } from '../categories/index.ts'
import type { Listing } from '../listings/index.ts'
import { isVerifiedVolunteer } from '../volunteers/index.ts'
import { hasBlocked, type MatchRow } from './match.repository.ts'
import { checkResponse, MATCH_LIMITS, MatchRefusal, type RespondInput } from './match.ts'
import { type MatchResult, notifyParty } from './match-guards.ts'
import { recordResponded } from './match-stats.ts'
import { findResponse, insertResponse } from './match-writes.repository.ts'

/** Whether a person may answer a listing, and if not, why (the listing page says it in words). */
export type RespondState =
  | { kind: 'visitor' }
  | { kind: 'unverified' }
  | { kind: 'own' }
  | { kind: 'already'; matchId: string }
  | { kind: 'closed' }
  | { kind: 'blocked' }
  | { kind: 'volunteer' }
  | { kind: 'open'; hasPhone: boolean }

/** The write found a block that the state, read a moment later, no longer finds: it was lifted meanwhile. */
const blockedMeanwhile = () => new MatchRefusal(403, 'match.refused.blocked')

async function hasPhone(db: DbOrTx, actor: Actor): Promise<boolean> {
  return actor.hasPhone ?? Boolean((await accountCard(db, actor.accountId))?.phone)
}

/**
 * Whether the actor may answer this listing, and if not, why, read through `db` (a caller's
 * transaction sees its own writes). The page reads the category from the cache; answering
 * (`fresh`) reads it from the database, so a category an administrator just restricted to
 * verified volunteers holds in every process at once.
 */
export async function responseState(
  services: AppServices,
  db: DbOrTx,
  actor: Actor | null,
  territory: Territory,
  listing: Listing,
  options: { fresh?: boolean } = {},
): Promise<RespondState> {
  if (actor?.accountId === listing.authorId) return { kind: 'own' }
  const existing = actor && (await findResponse(db, territory.id, listing.id, actor.accountId))
  if (existing) return { kind: 'already', matchId: existing.id }
  if (listing.status !== 'published') return { kind: 'closed' }
  if (!actor) return { kind: 'visitor' }
  if (!can(actor, 'verified')) return { kind: 'unverified' }
  if (await hasBlocked(db, listing.authorId, actor.accountId)) return { kind: 'blocked' }
  const category = options.fresh
    ? await findCategory(db, territory.id, listing.categoryId)
    : await services.categoryCache.find(territory.id, listing.categoryId)
  if (
    category?.needsVerifiedVolunteer &&
    !(await isVerifiedVolunteer(db, territory.id, actor.accountId, services.clock.now()))
  )
    return { kind: 'volunteer' }
  return { kind: 'open', hasPhone: await hasPhone(db, actor) }
}

/** The refusal of a state that is not open, in the words of the listing page. */
export function refusalOf(state: RespondState, territory: Territory): MatchRefusal | null {
  if (state.kind === 'own') return new MatchRefusal(403, 'match.refused.own')
  if (state.kind === 'already') return new MatchRefusal(409, 'match.refused.already', {}, state.matchId)
  if (state.kind === 'closed') return new MatchRefusal(409, 'match.refused.closed')
  if (state.kind === 'blocked') return new MatchRefusal(403, 'match.refused.blocked')
  if (state.kind === 'volunteer')
    return new MatchRefusal(403, 'match.refused.volunteer', { email: territory.contactEmail })
  return null
}

/**
 * The likely answer without the reads the write makes itself (already answered, blocked): the
 * listing is someone else's, published, and the category asks for no verification the person
 * lacks. False sends the caller to the state for the first reason that applies.
 */
async function likelyOpen(
  services: AppServices,
  db: DbOrTx,
  me: Actor,
  territory: Territory,
  listing: Listing,
): Promise<boolean> {
  if (listing.authorId === me.accountId || listing.status !== 'published') return false
  const category = await findCategory(db, territory.id, listing.categoryId)
  if (!category?.needsVerifiedVolunteer) return true
  return isVerifiedVolunteer(db, territory.id, me.accountId, services.clock.now())
}

/**
 * « Je peux aider » / « Ça m’intéresse » in the caller's transaction, with every rule of an
 * answer: the listing someone else's and published, no block either way, the category's
 * verification, the daily limit, and the author's notification (its email job) queued in `tx`.
 * A refusal is thrown as a MatchRefusal (« already » names the existing response); a mistake
 * in the input comes back as issues, nothing written. The caller has checked who `me` is and
 * that they may see the listing. The row is built here: a status, author or territory in the
 * body is never read.
 */
export async function respondInTransaction(
  services: AppServices,
  tx: DbOrTx,
  me: Actor,
  territory: Territory,
  listing: Listing,
  input: RespondInput,
): Promise<MatchResult> {
  const { message, shares, issues } = checkResponse(input, await hasPhone(tx, me))
  // A refusal or a mistake reads everything, so the first reason that applies is the one given.
  if (issues.length > 0 || !(await likelyOpen(services, tx, me, territory, listing))) {
    const refusal = refusalOf(
      await responseState(services, tx, me, territory, listing, { fresh: true }),
      territory,
    )
    if (refusal) throw refusal
    if (issues.length > 0) return { kind: 'invalid', issues }
  }
  const now = services.clock.now()
  const match: MatchRow = {
    id: services.ids(),
    territoryId: territory.id,
    listingId: listing.id,
    authorId: listing.authorId,
    responderId: me.accountId,
    status: 'pending',
    authorShares: [],
    responderShares: shares,
    reason: null,
    endedBy: null,
    doneMarkedBy: null,
    doneMarkedAt: null,
    thanks: null,
    thanksPublic: false,
    createdAt: now,
    updatedAt: now,
    acceptedAt: null,
    endedAt: null,
    lastActivityAt: now,
    relayName: null,
    relayPhone: null,
    remindedAt: null,
  }
  const first = {
    id: services.ids(),
    territoryId: territory.id,
    matchId: match.id,
    senderId: me.accountId,
    body: message,
    createdAt: now,
  }
  // Nothing written: the author blocked the responder, or an answer of theirs came meanwhile
  // (two tabs at once: the unique index keeps one, the other hears it already exists).
  if (!(await insertResponse(tx, match, first)))
    throw (
      refusalOf(await responseState(services, tx, me, territory, listing, { fresh: true }), territory) ??
      blockedMeanwhile()
    )
  // What follows the response is written as one statement: the bilan's event, the daily limit's
  // hit and the author's notification with its email.
  const batch = new WriteBatch()
  recordResponded(tx, batch, match, listing, now)
  // Counted with the response, so a refused one costs nothing; past the limit the error takes
  // the response back, with whatever else the caller's transaction holds.
  services.rateLimiter.hitWith(batch, `match:respond:${me.accountId}`, MATCH_LIMITS.respondPerDay)
  await notifyParty(
    services,
    tx,
    { territory, match, accountId: listing.authorId, kind: 'match.response', me, title: listing.title },
    batch,
  )
  await batch.run(tx)
  return { kind: 'saved', match }
}
