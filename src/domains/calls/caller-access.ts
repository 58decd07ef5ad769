import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isVerifiedVolunteer } from '../volunteers/index.ts'
import { type CallerRow, callerOfAccount } from './caller.repository.ts'

/**
 * Where a signed-in person stands as a caller. The verification is read on every request, never
 * kept: the moment staff revoke it or it expires, the person's next page is the one that says why.
 */
export type CallerAccess =
  | { kind: 'caller'; me: Actor; caller: CallerRow }
  /** a caller whose verification expired or was revoked: no one to call, the page says why */
  | { kind: 'lapsed'; me: Actor; caller: CallerRow }
  /** a verified volunteer who has not signed up as a caller (or stopped) */
  | { kind: 'volunteer'; me: Actor; caller: CallerRow | null }
  /** not a verified volunteer: may not sign up */
  | { kind: 'unverified'; me: Actor; caller: null }

export async function callerAccess(
  services: AppServices,
  actor: Actor | null,
  territory: Territory,
): Promise<CallerAccess> {
  const me = signedIn(actor, 'calls:read')
  const db = services.database.db
  const [caller, current] = await Promise.all([
    callerOfAccount(db, territory.id, me.accountId),
    isVerifiedVolunteer(db, territory.id, me.accountId, services.clock.now()),
  ])
  if (caller?.active && current) return { kind: 'caller', me, caller }
  if (caller?.active) return { kind: 'lapsed', me, caller }
  if (current) return { kind: 'volunteer', me, caller }
  return { kind: 'unverified', me, caller: null }
}
