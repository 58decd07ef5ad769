import { eq } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { territories } from './territory.schema.ts'
import type { LocalisedText } from './territory.ts'

/**
 * Turns a territory's crisis mode on with the banner's message, or off (null) with the banner
 * cleared, in the caller's transaction. Whoever calls it empties the tenancy cache once that
 * transaction commits, so every page shows the change at once.
 */
export async function setCrisisMode(
  db: DbOrTx,
  territoryId: string,
  message: LocalisedText | null,
  now: Date,
): Promise<void> {
  await db
    .update(territories)
    .set({ crisisMode: message !== null, crisisMessage: message, updatedAt: now })
    .where(eq(territories.id, territoryId))
}
