import { HttpError } from '../http/problem.ts'
import type { MessageKey } from '../i18n/i18n.ts'
import type { Actor } from './actor.ts'

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
