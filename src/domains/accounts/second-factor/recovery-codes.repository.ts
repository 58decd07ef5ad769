import { and, count, eq, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { recoveryCodes } from '../identity/account.schema.ts'

/** New codes replace every earlier one, used or not: only the last printed sheet works. */
export async function replaceRecoveryCodes(
  db: DbOrTx,
  accountId: string,
  rows: { id: string; codeHash: string }[],
  now: Date,
): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId))
  if (rows.length === 0) return
  await db.insert(recoveryCodes).values(rows.map((r) => ({ ...r, accountId, usedAt: null, createdAt: now })))
}

/**
 * Marks the code used if it is the account's and unused; one statement, so two requests
 * racing with the same code cannot both succeed.
 */
export async function useRecoveryCode(
  db: DbOrTx,
  accountId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.accountId, accountId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id })
  return rows.length > 0
}

export async function countUnusedRecoveryCodes(db: DbOrTx, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)))
  return row?.n ?? 0
}
