import { and, eq, gt, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
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
