import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { WriteBatch } from '../../platform/db/write-batch.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { listingById } from '../listings/index.ts'
import { type NotificationKind, notify } from '../notifications/index.ts'
import { findMatch, findMatchForParty, type MatchRow, otherParty } from './match.repository.ts'
import type { MatchStatus } from './match.schema.ts'
import { actionsFor, fromStatuses, type MatchAction, MatchRefusal, type MatchRole, roleOf } from './match.ts'
import { type MatchChanges, updateMatch } from './match-writes.repository.ts'

/*
 * The rules every change of a match goes through, whichever service makes it: who may act, from
 * which statuses, the UPDATE that checks them again, and the other party told in the same write.
 */

export type MatchResult = { kind: 'saved'; match: MatchRow } | { kind: 'invalid'; issues: Issue[] }

/** Who may do what: the author decides on a response, the responder withdraws it. */
const ROLE_OF_ACTION: Record<MatchAction, MatchRole | 'both'> = {
  accept: 'author',
  decline: 'author',
  withdraw: 'responder',
  cancel: 'both',
  markDone: 'both',
  confirm: 'author',
}

/**
 * Notifications carry a name and a title only: never a message, a phone or an email. Given a
 * batch, the notification joins its writes (notify).
 */
export function notifyParty(
  services: AppServices,
  tx: DbOrTx,
  input: {
    territory: Territory
    match: MatchRow
    accountId: string
    kind: NotificationKind
    me: Actor
    title: string
  },
  batch?: WriteBatch,
) {
  return notify(
    services,
    tx,
    {
      territory: input.territory,
      accountId: input.accountId,
      kind: input.kind,
      params: { name: input.me.displayName, title: input.title },
      link: `/mises-en-relation/${input.match.id}`,
    },
    batch,
  )
}

/** A match the signed-in actor is a party of; anyone else, and any other territory, gets 404. */
export async function partyMatch(services: AppServices, me: Actor, territory: Territory, id: string) {
  const match = await findMatchForParty(services.database.db, territory.id, id, me.accountId)
  if (!match) throw notFound()
  return match
}

/** The match, if the actor is a party, has the role the action needs, and the status it starts from. */
export async function allowedAction(
  services: AppServices,
  actor: Actor | null,
  territory: Territory,
  id: string,
  action: MatchAction,
) {
  const me = signedIn(actor, 'listings:write')
  const match = await partyMatch(services, me, territory, id)
  const needed = ROLE_OF_ACTION[action]
  if (needed !== 'both' && roleOf(match, me.accountId) !== needed)
    throw new MatchRefusal(
      403,
      needed === 'author' ? 'match.refused.authorOnly' : 'match.refused.responderOnly',
    )
  if (!actionsFor(match, roleOf(match, me.accountId)).includes(action)) throw refusalFor(action, match)
  return { me, match }
}

export function refusalFor(action: MatchAction, current: MatchRow | null) {
  if (action === 'accept' && current?.status === 'accepted')
    return new MatchRefusal(409, 'match.refused.alreadyAccepted')
  if (action === 'markDone' && current?.status === 'accepted')
    return new MatchRefusal(409, 'match.refused.alreadyMarked')
  return new MatchRefusal(409, 'match.refused.status')
}

/** The change, guarded by the statuses it starts from, and the other party's notification, in `tx`. */
export async function applyAction(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  me: Actor,
  match: MatchRow,
  action: MatchAction,
  changes: MatchChanges,
  kind: NotificationKind,
): Promise<MatchResult> {
  const updated = await guardedUpdate(services, tx, territory, me, match, action, changes)
  if (!updated) throw refusalFor(action, await findMatch(tx, territory.id, match.id))
  const listing = await listingById(tx, territory.id, match.listingId)
  // Rolled back with the whole transaction: the line's agents decline for the person instead.
  if (listing?.relayed && action === 'decline') throw new MatchRefusal(409, 'match.refused.relayed')
  return notifyOther(services, tx, territory, me, updated, kind, listing?.title ?? '')
}

/** The change if the match is still in a status the action starts from (and, if given, the listing has room). */
export function guardedUpdate(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  me: Actor,
  match: MatchRow,
  action: MatchAction,
  changes: MatchChanges,
  room?: { statuses: readonly MatchStatus[]; max: number },
) {
  const now = services.clock.now()
  const where = {
    territoryId: territory.id,
    id: match.id,
    statuses: fromStatuses[action],
    partyId: me.accountId,
    ...(room ? { room } : {}),
  }
  return updateMatch(tx, where, { ...changes, updatedAt: now, lastActivityAt: now })
}

export async function notifyOther(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  me: Actor,
  updated: MatchRow,
  kind: NotificationKind,
  title: string,
): Promise<MatchResult> {
  await notifyParty(services, tx, {
    territory,
    match: updated,
    accountId: otherParty(updated, me.accountId),
    kind,
    me,
    title,
  })
  return { kind: 'saved', match: updated }
}
