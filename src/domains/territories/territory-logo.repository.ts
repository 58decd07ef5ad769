import { eq } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryLogos } from './territory-logo.schema.ts'

export type TerritoryLogoRow = typeof territoryLogos.$inferSelect

export async function findTerritoryLogo(
  db: DbOrTx,
  territoryId: string,
): Promise<Pick<TerritoryLogoRow, 'image' | 'mediaType' | 'etag'> | null> {
  const [row] = await db
    .select({ image: territoryLogos.image, mediaType: territoryLogos.mediaType, etag: territoryLogos.etag })
    .from(territoryLogos)
    .where(eq(territoryLogos.territoryId, territoryId))
  return row ? { ...row, image: Buffer.from(row.image) } : null
}

/** Only the bytes, for the app's icons (src/app.ts hands this to the platform's installable pages). */
export async function territoryLogoImage(db: DbOrTx, territoryId: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ image: territoryLogos.image })
    .from(territoryLogos)
    .where(eq(territoryLogos.territoryId, territoryId))
  return row ? Buffer.from(row.image) : null
}

export async function saveTerritoryLogo(db: DbOrTx, row: TerritoryLogoRow): Promise<void> {
  const { territoryId: _, ...changes } = row
  await db
    .insert(territoryLogos)
    .values(row)
    .onConflictDoUpdate({ target: territoryLogos.territoryId, set: changes })
}

/** True when there was a logo to remove. */
export async function deleteTerritoryLogo(db: DbOrTx, territoryId: string): Promise<boolean> {
  const removed = await db
    .delete(territoryLogos)
    .where(eq(territoryLogos.territoryId, territoryId))
    .returning({ id: territoryLogos.territoryId })
  return removed.length > 0
}
