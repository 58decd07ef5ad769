import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { organisationMembers } from './organisation.schema.ts'

/** The accounts that manage the organisation: whom to tell when something arrives for it. */
export async function managerIdsOf(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ accountId: organisationMembers.accountId })
    .from(organisationMembers)
    .where(
      and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.role, 'manager')),
    )
  return rows.map((r) => r.accountId)
}
