import { type Actor, can } from '../../platform/auth/actor.ts'
import { requireScope, type TokenScope } from '../../platform/auth/scopes.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { type NotificationKind, notify } from '../notifications/notify.ts'
import type { MatchRow } from './match.repository.ts'

export type MatchResult = { kind: 'saved'; match: MatchRow } | { kind: 'invalid'; issues: Issue[] }

/** A signed-in person whose token, if any, carries `scope`. */
export const session = (actor: Actor | null, scope: TokenScope): Actor => {
  if (!actor || !can(actor, 'session')) throw new HttpError(401, 'authentication-required')
  requireScope(actor, scope)
  return actor
}

/** Responding writes to someone: a verified address is needed. */
export const verified = (actor: Actor | null): Actor => {
  const me = session(actor, 'listings:write')
  if (!can(me, 'verified')) throw new HttpError(403, 'verification-required')
  return me
}

/** Notifications carry a name and a title only: never a message, a phone or an email. */
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
) {
  return notify(services, tx, {
    territory: input.territory,
    accountId: input.accountId,
    kind: input.kind,
    params: { name: input.me.displayName, title: input.title },
    link: `/mises-en-relation/${input.match.id}`,
  })
}
