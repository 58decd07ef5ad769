import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { accounts, roleAssignments, type StaffRole } from './account.schema.ts'

export type AccountRow = typeof accounts.$inferSelect
export type NewAccountRow = typeof accounts.$inferInsert

export async function insertAccount(db: DbOrTx, row: NewAccountRow): Promise<void> {
  await db.insert(accounts).values(row)
}

export async function findAccountById(db: DbOrTx, id: string): Promise<AccountRow | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id))
  return row ?? null
}

/** Addresses are compared without case: « Zoe@Exemple.fr » and « zoe@exemple.fr » are one person. */
export async function findAccountByEmail(db: DbOrTx, email: string): Promise<AccountRow | null> {
  const [row] = await db.select().from(accounts).where(sql`lower(${accounts.email}) = lower(${email.trim()})`)
  return row ?? null
}

export async function updateAccount(
  db: DbOrTx,
  id: string,
  fields: Partial<Omit<AccountRow, 'id' | 'territoryId' | 'createdAt'>>,
): Promise<void> {
  await db.update(accounts).set(fields).where(eq(accounts.id, id))
}

export async function rolesIn(db: DbOrTx, accountId: string, territoryId: string): Promise<StaffRole[]> {
  const rows = await db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.accountId, accountId), eq(roleAssignments.territoryId, territoryId)))
  return rows.map((r) => r.role).sort()
}

/** Does the account hold a staff role anywhere? Its sessions are then short and need a second factor. */
export async function holdsAnyRole(db: DbOrTx, accountId: string): Promise<boolean> {
  const rows = await db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(eq(roleAssignments.accountId, accountId))
    .limit(1)
  return rows.length > 0
}

export async function grantRole(
  db: DbOrTx,
  row: { accountId: string; territoryId: string; role: StaffRole; grantedBy: string | null; grantedAt: Date },
): Promise<void> {
  await db.insert(roleAssignments).values(row).onConflictDoNothing()
}

export async function revokeRole(
  db: DbOrTx,
  accountId: string,
  territoryId: string,
  role: StaffRole,
): Promise<void> {
  await db
    .delete(roleAssignments)
    .where(
      and(
        eq(roleAssignments.accountId, accountId),
        eq(roleAssignments.territoryId, territoryId),
        eq(roleAssignments.role, role),
      ),
    )
}
