import { HttpError } from '../http/problem.ts'
import type { Actor } from './actor.ts'

/**
 * What a personal access token may do. A token carries only the scopes its owner ticked, so a
 * leaked read-only token cannot change the profile; the list grows with the API. Every API route
 * names the one it needs (`config.scope`), and the OpenAPI document lists it on the operation.
 */
export const tokenScopes = [
  /** read one's own profile and saved searches */
  'profile:read',
  /** change one's own profile and saved searches */
  'profile:write',
  /** read one's listings, matches, conversations and notifications */
  'listings:read',
  /** post and change listings, respond, write, report */
  'listings:write',
  /** read the organisations one belongs to, their missions, sign-ups, needs and pledges */
  'organisations:read',
  /** change them: organisations one manages, their members, missions and needs */
  'organisations:write',
  /** sign up to a mission's slots, withdraw, pledge to a material need */
  'participation:write',
  /** read the supply campaigns one makes for or asks from: one's capacity, batches, requests, allocations */
  'campaigns:read',
  /** declare capacity and batches, ask for supplies; for staff, run the campaign */
  'campaigns:write',
  /** for a caller: read the people one calls and one's share of a call campaign */
  'calls:read',
  /** for a caller: log a call's outcome, take the next person of a campaign */
  'calls:write',
  /** for a volunteer: read the asks coordinators proposed to me (staff work from their session: no token carries staff powers) */
  'dispatch:read',
  /** for a volunteer: accept or decline a proposed ask */
  'dispatch:write',
] as const

export type TokenScope = (typeof tokenScopes)[number]

export function isTokenScope(value: unknown): value is TokenScope {
  return typeof value === 'string' && (tokenScopes as readonly string[]).includes(value)
}

/** A session (the person at their browser) may do everything; a token only what its scopes say. */
export function hasScope(actor: Actor, scope: TokenScope): boolean {
  return actor.via.kind === 'session' || actor.via.scopes.includes(scope)
}

export function requireScope(actor: Actor, scope: TokenScope): void {
  if (!hasScope(actor, scope)) throw new HttpError(403, 'insufficient-scope')
}
