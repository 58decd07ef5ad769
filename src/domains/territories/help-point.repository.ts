import { and, asc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'
import { helpPoints } from './help-point.schema.ts'
import type { HelpPoint } from './help-point.ts'

const columns = {
  id: helpPoints.id,
  kind: helpPoints.kind,
  name: helpPoints.name,
  address: helpPoints.address,
  communeInsee: helpPoints.communeInsee,
  hours: helpPoints.hours,
  phone: helpPoints.phone,
  position: helpPoints.position,
}

export async function listHelpPoints(db: DbOrTx, territoryId: string): Promise<HelpPoint[]> {
  return db
    .select(columns)
    .from(helpPoints)
    .where(eq(helpPoints.territoryId, territoryId))
    .orderBy(asc(helpPoints.position), asc(helpPoints.createdAt))
}

const CACHE_MS = 30_000

/**
 * The home page is the most read page and shows whether the territory has help points: like its
 * highlight, the list is read once per territory and kept briefly. A change in this process
 * empties the entry at once; another process sees it within CACHE_MS. Keyed by territory.
 */
const cache = new Map<string, { points: HelpPoint[]; until: number }>()

/** The help points as the public pages show them, from the short-lived cache. */
export async function cachedHelpPoints(db: DbOrTx, territoryId: string, now: Date): Promise<HelpPoint[]> {
  const cached = cache.get(territoryId)
  if (cached && cached.until > now.getTime()) return cached.points
  const points = await listHelpPoints(db, territoryId)
  if (cache.size > 1000) cache.clear()
  cache.set(territoryId, { points, until: now.getTime() + CACHE_MS })
  return points
}

export function forgetHelpPoints(territoryId: string): void {
  cache.delete(territoryId)
}

/**
 * Holds the territory's row until the transaction ends: two administrators adding, moving or
 * removing help points at once take turns, so the count stays within its limit and the positions
 * stay distinct.
 */
export async function lockTerritory(tx: DbOrTx, territoryId: string): Promise<void> {
  await tx
    .select({ id: territories.id })
    .from(territories)
    .where(eq(territories.id, territoryId))
    .for('update')
}

export async function insertHelpPoint(
  tx: DbOrTx,
  territoryId: string,
  point: Omit<HelpPoint, 'position'>,
  now: Date,
): Promise<void> {
  const [last] = await tx
    .select({ position: sql<number>`coalesce(max(${helpPoints.position}), -1)::int` })
    .from(helpPoints)
    .where(eq(helpPoints.territoryId, territoryId))
  await tx.insert(helpPoints).values({
    ...point,
    territoryId,
    position: (last?.position ?? -1) + 1,
    createdAt: now,
    updatedAt: now,
  })
}

export async function countHelpPoints(tx: DbOrTx, territoryId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(helpPoints)
    .where(eq(helpPoints.territoryId, territoryId))
  return row?.n ?? 0
}

/** False when the territory has no such help point (another territory's, or removed meanwhile). */
export async function updateHelpPoint(
  tx: DbOrTx,
  territoryId: string,
  id: string,
  fields: Omit<HelpPoint, 'id' | 'position'>,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(helpPoints)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(helpPoints.territoryId, territoryId), eq(helpPoints.id, id)))
    .returning({ id: helpPoints.id })
  return rows.length > 0
}

export async function deleteHelpPoint(tx: DbOrTx, territoryId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(helpPoints)
    .where(and(eq(helpPoints.territoryId, territoryId), eq(helpPoints.id, id)))
    .returning({ id: helpPoints.id })
  return rows.length > 0
}

export async function setHelpPointPosition(
  tx: DbOrTx,
  territoryId: string,
  id: string,
  position: number,
  now: Date,
): Promise<void> {
  await tx
    .update(helpPoints)
    .set({ position, updatedAt: now })
    .where(and(eq(helpPoints.territoryId, territoryId), eq(helpPoints.id, id)))
}
