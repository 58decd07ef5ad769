import { type Actor, can } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCards } from '../accounts/index.ts'
import { listingById, lockListing } from '../listings/index.ts'
import { notify } from '../notifications/index.ts'
import { isVerifiedVolunteer } from '../volunteers/index.ts'
import { findMatch, type MatchRow } from './match.repository.ts'
import type { MatchStatus } from './match.schema.ts'
import { ACTIVE_STATUSES, MatchRefusal } from './match.ts'
import { updateMatch } from './match-writes.repository.ts'
import { responseRows, responseSummaryRows } from './relay.repository.ts'

/**
 * Asks the phone line posts for people without an account: their responses go to the line's
 * agents, who call the person and decide for them. Every function here checks `phone:intake`.
 */

export interface RelayedResponse {
  matchId: string
  status: MatchStatus
  message: string
  responderName: string
  /** staff verified this volunteer (for the categories that ask it) */
  verifiedVolunteer: boolean
  createdAt: Date
}

function agent(actor: Actor | null): Actor {
  if (!can(actor, 'phone:intake')) throw new HttpError(403, 'forbidden')
  return actor!
}

/** The responses to a relayed ask, for the case page: the volunteer's words, name, verification. */
export async function relayedResponses(
  services: AppServices,
  actor: Actor | null,
  territory: Territory,
  listingId: string,
): Promise<RelayedResponse[]> {
  agent(actor)
  const { db } = services.database
  const rows = await responseRows(db, territory.id, listingId)
  const people = await accountCards(
    db,
    rows.map((r) => r.match.responderId),
  )
  const now = services.clock.now()
  return Promise.all(
    rows.map(async ({ match, message }) => ({
      matchId: match.id,
      status: match.status,
      message,
      responderName: people.get(match.responderId)?.displayName ?? '',
      verifiedVolunteer: await isVerifiedVolunteer(db, territory.id, match.responderId, now),
      createdAt: match.createdAt,
    })),
  )
}

/** For the line's queue: each ask's first response and the responses still waiting, in one query. */
export async function responseSummaries(
  db: DbOrTx,
  territoryId: string,
  listingIds: readonly string[],
): Promise<Map<string, { firstAt: Date; pending: number }>> {
  const rows = await responseSummaryRows(db, territoryId, listingIds)
  return new Map(
    rows.flatMap((r) => (r.firstAt ? [[r.listingId, { firstAt: r.firstAt, pending: r.pending }]] : [])),
  )
}

/** A pending response to a relayed ask of this territory, or 404. */
async function relayedMatch(tx: DbOrTx, territory: Territory, matchId: string) {
  const match = await findMatch(tx, territory.id, matchId)
  const listing = match && (await listingById(tx, territory.id, match.listingId))
  if (!match || !listing?.relayed) throw notFound()
  return { match, listing }
}

/**
 * « Accepter pour Mme X »: what `accept` does (the listing locked, one acceptance for an ask, the
 * UPDATE guarded by 'pending' and the room left), made by an agent for the person, in the
 * caller's transaction. The volunteer then receives `relayName` and `relayPhone` (the person's
 * own number or the line's, as the person chose) and never the agent's contacts.
 */
export async function acceptForPerson(
  services: AppServices,
  actor: Actor | null,
  territory: Territory,
  matchId: string,
  relay: { relayName: string; relayPhone: string },
  tx: DbOrTx,
): Promise<MatchRow> {
  agent(actor)
  const { match } = await relayedMatch(tx, territory, matchId)
  const now = services.clock.now()
  const listing = await lockListing(tx, territory.id, match.listingId)
  if (listing?.status !== 'published') throw new MatchRefusal(409, 'match.refused.closed')
  const updated = await updateMatch(
    tx,
    {
      territoryId: territory.id,
      id: match.id,
      statuses: ['pending'],
      room: { statuses: ACTIVE_STATUSES, max: 1 },
    },
    {
      status: 'accepted',
      acceptedAt: now,
      relayName: relay.relayName,
      relayPhone: relay.relayPhone,
      updatedAt: now,
      lastActivityAt: now,
    },
  )
  if (!updated) {
    const current = await findMatch(tx, territory.id, match.id)
    if (current?.status === 'accepted') throw new MatchRefusal(409, 'match.refused.alreadyAccepted')
    if (current?.status !== 'pending') throw new MatchRefusal(409, 'match.refused.status')
    throw new MatchRefusal(409, 'match.refused.askTaken')
  }
  await notify(services, tx, {
    territory,
    accountId: updated.responderId,
    kind: 'match.accepted',
    params: { name: relay.relayName, title: listing.title },
    link: `/mises-en-relation/${updated.id}`,
  })
  return updated
}

/** « Décliner » for the person, after the agent called them; the volunteer is told, without a reason. */
export async function declineForPerson(
  services: AppServices,
  actor: Actor | null,
  territory: Territory,
  matchId: string,
  relayName: string,
  tx: DbOrTx,
): Promise<MatchRow> {
  const me = agent(actor)
  const { match, listing } = await relayedMatch(tx, territory, matchId)
  const now = services.clock.now()
  const updated = await updateMatch(
    tx,
    { territoryId: territory.id, id: match.id, statuses: ['pending'] },
    { status: 'declined', endedBy: me.accountId, endedAt: now, updatedAt: now, lastActivityAt: now },
  )
  if (!updated) throw new MatchRefusal(409, 'match.refused.status')
  await notify(services, tx, {
    territory,
    accountId: updated.responderId,
    kind: 'match.declined',
    params: { name: relayName, title: listing.title },
    link: `/mises-en-relation/${updated.id}`,
  })
  return updated
}
