import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn, verified } from '../../platform/auth/guards.ts'
import { requireScope, type TokenScope } from '../../platform/auth/scopes.ts'
import { HttpError } from '../../platform/http/problem.ts'

/** The first line of a coordinator's use case: dispatch permission (second factor included), and the scope. */
export function coordinator(actor: Actor | null, scope: TokenScope): Actor {
  const me = signedIn(actor)
  if (!can(me, 'volunteers:dispatch')) throw new HttpError(403, 'forbidden')
  requireScope(me, scope)
  return me
}

/** The first line of a volunteer's use case: signed in with a confirmed address, and the scope. */
export function volunteer(actor: Actor | null, scope: TokenScope): Actor {
  return verified(actor, scope)
}
