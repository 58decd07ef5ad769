import { eq } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { type ReviewPolicy, territories } from './territory.schema.ts'

/**
 * Sets which new listings a moderator reads before they are published, in the caller's
 * transaction (with its audit entry). The caller empties the tenancy cache once that transaction
 * commits: every request carries the territory, so the next listing follows the new policy.
 */
export async function setReviewPolicy(
  db: DbOrTx,
  territoryId: string,
  policy: ReviewPolicy,
  now: Date,
): Promise<void> {
  await db
    .update(territories)
    .set({ reviewPolicy: policy, updatedAt: now })
    .where(eq(territories.id, territoryId))
}
