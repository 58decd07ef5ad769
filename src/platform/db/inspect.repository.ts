import { sql } from 'drizzle-orm'
import type { DbOrTx } from './client.ts'

/** Row counts an operator (and the migration tests) can check after a start. */
export async function countRows(
  db: DbOrTx,
): Promise<{ communes: number; referenceData: number; territories: number }> {
  const result = await db.execute<{ communes: number; reference_data: number; territories: number }>(sql`
    SELECT (SELECT count(*)::int FROM communes) AS communes,
           (SELECT count(*)::int FROM reference_data) AS reference_data,
           (SELECT count(*)::int FROM territories) AS territories`)
  const row = (
    result as unknown as { rows: { communes: number; reference_data: number; territories: number }[] }
  ).rows[0]!
  return { communes: row.communes, referenceData: row.reference_data, territories: row.territories }
}
