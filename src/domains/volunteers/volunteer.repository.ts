import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { idArray } from '../../platform/db/id-array.ts'
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

/**
 * Of these people, those staff verified in this territory whose verification holds now: one
 * query however many they are (bulk dispatch asks it of every volunteer at once).
 */
export async function verifiedAmong(
  db: DbOrTx,
  territoryId: string,
  accountIds: readonly string[],
  now: Date,
): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set()
  const v = volunteerVerifications
  const rows = await db
    .selectDistinct({ accountId: v.accountId })
    .from(v)
    .where(
      and(
        eq(v.territoryId, territoryId),
        sql`${v.accountId} = any(${idArray(accountIds)})`,
        isNull(v.revokedAt),
        gt(v.expiresAt, now),
      ),
    )
  return new Set(rows.map((r) => r.accountId))
}

export type VerificationRow = typeof volunteerVerifications.$inferSelect

/** Verifications that hold now in this territory; the names are the accounts' to give. */
export function listCurrent(db: DbOrTx, territoryId: string, now: Date): Promise<VerificationRow[]> {
  return db
    .select()
    .from(volunteerVerifications)
    .where(
      and(
        eq(volunteerVerifications.territoryId, territoryId),
        isNull(volunteerVerifications.revokedAt),
        gt(volunteerVerifications.expiresAt, now),
      ),
    )
    .orderBy(asc(volunteerVerifications.id))
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
