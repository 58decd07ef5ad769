import { inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { matches } from './match.schema.ts'

/** How many responses these listings received, whatever became of them (a crisis's figures). */
export async function responsesTo(db: DbOrTx, listingIds: readonly string[]): Promise<number> {
  if (listingIds.length === 0) return 0
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(matches)
    .where(inArray(matches.listingId, [...listingIds]))
  return row?.n ?? 0
}
