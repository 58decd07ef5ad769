import { eq, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { referenceData } from './reference-data.schema.ts'
import type { ReferenceDataset } from './reference-data.ts'

export async function loadReferenceData(db: Db, datasets: ReferenceDataset[]): Promise<void> {
  for (const dataset of datasets) {
    const checksum = await dataset.checksum()
    const [current] = await db.select().from(referenceData).where(eq(referenceData.name, dataset.name))
    if (current?.checksum === checksum) continue
    // One transaction: a crash half-way keeps the previous data and its checksum, so the next start retries.
    await db.transaction(async (tx) => {
      await dataset.load(tx)
      await tx
        .insert(referenceData)
        .values({ name: dataset.name, checksum })
        .onConflictDoUpdate({ target: referenceData.name, set: { checksum, loadedAt: sql`now()` } })
    })
  }
}
