import { type Actor, can } from '../../platform/auth/actor.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'

/**
 * What a personal access token may do. A token carries only the scopes its owner ticked, so a
 * leaked read-only token cannot change the profile; the list grows with the API.
 */
export const tokenScopes = [
  { scope: 'profile:read', label: 'tokens.scope.profileRead' },
  { scope: 'profile:write', label: 'tokens.scope.profileWrite' },
  { scope: 'listings:read', label: 'tokens.scope.listingsRead' },
  { scope: 'listings:write', label: 'tokens.scope.listingsWrite' },
] as const satisfies readonly { scope: string; label: MessageKey }[]

export type TokenScope = (typeof tokenScopes)[number]['scope']

export function isTokenScope(value: unknown): value is TokenScope {
  return typeof value === 'string' && tokenScopes.some((s) => s.scope === value)
}

export function scopeLabel(scope: string): MessageKey | null {
  return tokenScopes.find((s) => s.scope === scope)?.label ?? null
}

/** A session (the person at their browser) may do everything; a token only what its scopes say. */
export function hasScope(actor: Actor, scope: TokenScope): boolean {
  return actor.via.kind === 'session' || actor.via.scopes.includes(scope)
}

export function requireScope(actor: Actor, scope: TokenScope): void {
  if (!hasScope(actor, scope)) throw new HttpError(403, 'insufficient-scope')
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
