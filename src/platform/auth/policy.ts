import { type Actor, permissionsOf } from './actor.ts'
import { isPermission, type Permission, staffOnly } from './permissions.ts'
import { isTokenScope, type TokenScope } from './scopes.ts'

/**
 * What a route declares in `config`: the permission its caller needs, and the scope a personal
 * access token needs to call it. `scope: null` means no token acts there: on a public route the
 * caller's identity is not used, on any other route a token is refused (session only).
 */
export interface RouteAccess {
  permission: Permission
  scope: TokenScope | null
}

export type Refusal =
  | { status: 401; reason: 'authentication-required' }
  | {
      status: 403
      reason:
        | 'forbidden'
        | 'second-factor-required'
        | 'verification-required'
        | 'insufficient-scope'
        | 'session-required'
    }

export type Verdict = { allowed: true } | ({ allowed: false } & Refusal)

const allow: Verdict = { allowed: true }
const refuse = (refusal: Refusal): Verdict => ({ allowed: false, ...refusal })

/** Permissions anyone has; dev routes are not even registered in production. */
const open = new Set<Permission>(['public', 'dev'])

/** Why a route's declaration is unusable, or null when it is sound; the app refuses to start on one. */
export function accessProblem(config: { permission?: unknown; scope?: unknown }): string | null {
  if (!isPermission(config.permission)) return 'declares no valid permission'
  if (!('scope' in config)) return 'declares no scope (a token scope, or null when no token may call it)'
  if (config.scope !== null && !isTokenScope(config.scope)) return `declares an unknown scope ${config.scope}`
  // Staff powers are never carried by a token, so a scope there would promise what cannot be.
  if (staffOnly.has(config.permission) && config.scope !== null) return 'gives a token scope to a staff route'
  return null
}

/**
 * The one decision of who may call a route, taken before its handler runs (services check again
 * on their first line). Pure: the HTTP layer turns a refusal into a redirect or a problem.
 */
export function decide(actor: Actor | null, access: RouteAccess): Verdict {
  const { permission, scope } = access
  const token = actor?.via.kind === 'token' ? actor.via : null
  if (open.has(permission)) {
    // Anyone may read it; a token that acts here (its identity is used) still needs its scope.
    if (token && scope !== null && !token.scopes.includes(scope))
      return refuse({ status: 403, reason: 'insufficient-scope' })
    return allow
  }
  if (!actor) return refuse({ status: 401, reason: 'authentication-required' })
  if (!permissionsOf(actor).has(permission)) {
    // Staff who hold a role but have not given their second factor in this session yet.
    if (staffOnly.has(permission) && actor.roles.length > 0 && !token && !actor.secondFactor)
      return refuse({ status: 403, reason: 'second-factor-required' })
    if (permission === 'verified' && actor.status === 'active' && !actor.verified)
      return refuse({ status: 403, reason: 'verification-required' })
    return refuse({ status: 403, reason: 'forbidden' })
  }
  if (token) {
    if (scope === null) return refuse({ status: 403, reason: 'session-required' })
    if (!token.scopes.includes(scope)) return refuse({ status: 403, reason: 'insufficient-scope' })
  }
  return allow
}
