import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../platform/db/client.ts'
import { accounts } from '../accounts/account.schema.ts'
import { volunteerVerifications } from './volunteer.schema.ts'

/** Whether staff verified this person in this territory and the verification still holds now. */
export async function isVerifiedVolunteer(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .select({ id: volunteerVerifications.id })
    .from(volunteerVerifications)
    .where(
      and(
        eq(volunteerVerifications.territoryId, territoryId),
        eq(volunteerVerifications.accountId, accountId),
        isNull(volunteerVerifications.revokedAt),
        gt(volunteerVerifications.expiresAt, now),
      ),
    )
    .limit(1)
  return rows.length > 0
}

export type VerificationRow = typeof volunteerVerifications.$inferSelect

/** A verification as staff see it in the list. */
export interface CurrentVerification {
  id: string
  accountId: string
  displayName: string
  email: string
  verifiedByName: string | null
  verifiedAt: Date
  expiresAt: Date
  note: string | null
}

const verifier = alias(accounts, 'verifier')

/** Verifications that hold now in this territory, by name. */
export function listCurrent(db: DbOrTx, territoryId: string, now: Date): Promise<CurrentVerification[]> {
  return db
    .select({
      id: volunteerVerifications.id,
      accountId: volunteerVerifications.accountId,
      displayName: accounts.displayName,
      email: accounts.email,
      verifiedByName: verifier.displayName,
      verifiedAt: volunteerVerifications.verifiedAt,
      expiresAt: volunteerVerifications.expiresAt,
      note: volunteerVerifications.note,
    })
    .from(volunteerVerifications)
    .innerJoin(accounts, eq(accounts.id, volunteerVerifications.accountId))
    .leftJoin(verifier, eq(verifier.id, volunteerVerifications.verifiedBy))
    .where(
      and(
        eq(volunteerVerifications.territoryId, territoryId),
        isNull(volunteerVerifications.revokedAt),
        gt(volunteerVerifications.expiresAt, now),
      ),
    )
    .orderBy(asc(accounts.displayName), asc(volunteerVerifications.id))
}

export async function insertVerification(db: DbOrTx, row: typeof volunteerVerifications.$inferInsert) {
  await db.insert(volunteerVerifications).values(row)
}

/**
 * Ends the verifications that hold now: one (`id`) or every one of an account. Returns the rows
 * ended, so a second click or a colleague's concurrent click ends nothing twice.
 */
export function endVerifications(
  db: DbOrTx,
  territoryId: string,
  which: { id: string } | { accountId: string },
  by: string | null,
  now: Date,
): Promise<VerificationRow[]> {
  return db
    .update(volunteerVerifications)
    .set({ revokedBy: by, revokedAt: now })
    .where(
      and(
        eq(volunteerVerifications.territoryId, territoryId),
        'id' in which
          ? eq(volunteerVerifications.id, which.id)
          : eq(volunteerVerifications.accountId, which.accountId),
        isNull(volunteerVerifications.revokedAt),
        gt(volunteerVerifications.expiresAt, now),
      ),
    )
    .returning()
}

/** The account with this address, if its home is this territory. */
export async function findTerritoryAccountByEmail(db: DbOrTx, territoryId: string, email: string) {
  const [row] = await db
    .select({ id: accounts.id, displayName: accounts.displayName, status: accounts.status })
    .from(accounts)
    .where(and(eq(accounts.territoryId, territoryId), sql`lower(${accounts.email}) = lower(${email.trim()})`))
  return row ?? null
}
