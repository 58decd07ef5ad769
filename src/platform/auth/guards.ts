import { HttpError } from '../http/problem.ts'
import { type Actor, can } from './actor.ts'
import { requireScope, type TokenScope } from './scopes.ts'

/**
 * The first line of a use case for a signed-in, active person: 401 otherwise. A token must also
 * carry `scope` (a browser session always does); without `scope`, any token will do, for use
 * cases that check a finer scope themselves.
 */
export function signedIn(actor: Actor | null, scope?: TokenScope): Actor {
  if (!actor || !can(actor, 'session')) throw new HttpError(401, 'authentication-required')
  if (scope) requireScope(actor, scope)
  return actor
}

/** Writing to someone or posting needs a verified address, and a token that may write listings. */
export function verified(actor: Actor | null, scope: TokenScope = 'listings:write'): Actor {
  const me = signedIn(actor, scope)
  if (!can(me, 'verified')) throw new HttpError(403, 'verification-required')
  return me
}

export type BrowserActor = Actor & { via: { kind: 'session'; idHash: string } }

/**
 * Sessions and tokens are managed from a browser session only: a leaked token must not be able
 * to mint more tokens, hide itself or sign its owner out of their devices.
 */
export function browserOnly(actor: Actor | null): BrowserActor {
  const me = signedIn(actor)
  if (me.via.kind !== 'session') throw new HttpError(403, 'session-required')
  return me as BrowserActor
}
