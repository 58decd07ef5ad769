import type { DbOrTx } from '../../../platform/db/client.ts'
import type { AppServices } from '../../../platform/services.ts'
import { rolesIn, updateAccount } from '../identity/account.repository.ts'
import type { StaffRole } from '../identity/account.schema.ts'
import { revokeAllAccessTokens } from '../tokens/token.repository.ts'

/** How much a staff role weighs when one member sanctions another: no one sanctions a higher rank. */
const ROLE_RANK: Record<StaffRole, number> = { agent: 1, moderator: 1, coordinator: 2, administrator: 3 }

/** The highest rank the account holds in this territory; 0 for a resident. */
export async function staffRank(db: DbOrTx, accountId: string, territoryId: string): Promise<number> {
  const roles = await rolesIn(db, accountId, territoryId)
  return Math.max(0, ...roles.map((r) => ROLE_RANK[r]))
}

/**
 * A suspension or a ban takes effect at once, in the caller's transaction: the account cannot
 * sign in, every session ends and every token is revoked (a lifted suspension does not bring old
 * tokens back: the person makes new ones).
 */
export async function suspendAccount(
  services: AppServices,
  tx: DbOrTx,
  accountId: string,
  now: Date,
): Promise<void> {
  await updateAccount(tx, accountId, { status: 'suspended', updatedAt: now })
  await services.sessions.endAll(accountId, { tx })
  await revokeAllAccessTokens(tx, accountId, now)
}

/** The end of a suspension, by its date or on appeal: the person may sign in again. */
export async function reactivateAccount(tx: DbOrTx, accountId: string, now: Date): Promise<void> {
  await updateAccount(tx, accountId, { status: 'active', updatedAt: now })
}
