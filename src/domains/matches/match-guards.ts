import type { Actor } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { type NotificationKind, notify } from '../notifications/index.ts'
import type { MatchRow } from './match.repository.ts'

export type MatchResult = { kind: 'saved'; match: MatchRow } | { kind: 'invalid'; issues: Issue[] }

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
