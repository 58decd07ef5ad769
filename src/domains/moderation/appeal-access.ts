import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import type { TokenScope } from '../../platform/auth/scopes.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountsHolding } from '../accounts/index.ts'

/**
 * A moderator of this territory: at a browser, with the second factor (the policy checked it);
 * through the API, a token with `scope` whose owner holds a moderating role here now, read from
 * the roles rather than the token (a token never carries staff powers by itself).
 */
export async function moderator(
  services: AppServices,
  actor: Actor | null,
  territory: Territory,
  scope: TokenScope,
): Promise<Actor> {
  const me = signedIn(actor, scope)
  if (me.via.kind === 'session') {
    if (!can(me, 'moderation:review')) throw new HttpError(403, 'forbidden')
    return me
  }
  const holders = await accountsHolding(services.database.db, territory.id, 'moderation:review')
  if (!holders.some((h) => h.id === me.accountId)) throw new HttpError(403, 'forbidden')
  return me
}
