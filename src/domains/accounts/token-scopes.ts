import { type Actor, can } from '../../platform/auth/actor.ts'
import { isTokenScope, type TokenScope } from '../../platform/auth/scopes.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'

/** How the account page names each scope; the type makes a new scope need its label. */
export const scopeLabels: Record<TokenScope, MessageKey> = {
  'profile:read': 'tokens.scope.profileRead',
  'profile:write': 'tokens.scope.profileWrite',
  'listings:read': 'tokens.scope.listingsRead',
  'listings:write': 'tokens.scope.listingsWrite',
}

export function scopeLabel(scope: string): MessageKey | null {
  return isTokenScope(scope) ? scopeLabels[scope] : null
}

/** The first line of every use case on one's own account: a signed-in, active person, or 401. */
export function signedIn(actor: Actor | null): Actor {
  if (!actor || !can(actor, 'session')) throw new HttpError(401, 'authentication-required')
  return actor
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
