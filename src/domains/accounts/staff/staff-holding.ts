import { and, eq, inArray } from 'drizzle-orm'
import type { Permission } from '../../../platform/auth/permissions.ts'
import { rolePermissions } from '../../../platform/auth/permissions.ts'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { accounts, roleAssignments, type StaffRole } from '../identity/account.schema.ts'
import type { AccountCard } from '../identity/account-cards.ts'
import { accountCards } from '../identity/account-cards.ts'

/**
 * The active accounts whose roles in the territory grant a permission (the agents who hold
 * `phone:intake`, to alert them at once), by name: roles are read, never cached, so a role
 * revoked a minute ago is no longer alerted.
 */
export async function accountsHolding(
  db: DbOrTx,
  territoryId: string,
  permission: Permission,
): Promise<AccountCard[]> {
  const roles = (Object.keys(rolePermissions) as StaffRole[]).filter((role) =>
    (rolePermissions[role] as readonly Permission[]).includes(permission),
  )
  if (roles.length === 0) return []
  const rows = await db
    .selectDistinct({ accountId: roleAssignments.accountId })
    .from(roleAssignments)
    .innerJoin(accounts, eq(accounts.id, roleAssignments.accountId))
    .where(
      and(
        eq(roleAssignments.territoryId, territoryId),
        inArray(roleAssignments.role, roles),
        eq(accounts.status, 'active'),
      ),
    )
  const cards = await accountCards(
    db,
    rows.map((r) => r.accountId),
  )
  return [...cards.values()].sort((a, b) =>
    a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0,
  )
}
