import { and, eq, isNull, lt, or } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { accounts, recoveryCodes } from '../identity/account.schema.ts'

/**
 * Stores the (encrypted) key only if none is enabled yet: two tabs confirming at once cannot
 * leave the account with a key other than the one its recovery codes go with.
 */
export async function enableTotp(
  db: DbOrTx,
  accountId: string,
  sealedSecret: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ totpSecret: sealedSecret, totpEnabledAt: now, updatedAt: now })
    .where(and(eq(accounts.id, accountId), isNull(accounts.totpEnabledAt)))
    .returning({ id: accounts.id })
  return rows.length > 0
}

/**
 * Accepts a code's time step once: one statement, so two processes given the same code at the
 * same moment cannot both succeed, and a code older than the last accepted one is refused.
 */
export async function claimTotpStep(db: DbOrTx, accountId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ totpLastStep: step })
    .where(
      and(eq(accounts.id, accountId), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step))),
    )
    .returning({ id: accounts.id })
  return rows.length > 0
}

/** Forgets the person's authenticator and recovery codes (a lost phone): they enrol again at next sign-in. */
export async function clearSecondFactor(db: DbOrTx, accountId: string, now: Date): Promise<void> {
  await db
    .update(accounts)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now })
    .where(eq(accounts.id, accountId))
  await db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId))
}
