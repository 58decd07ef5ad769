import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { type CrisisKind, crisisPeriods, crisisTemplates } from './crisis.schema.ts'
import type { CrisisPeriod, CrisisTemplate } from './crisis.ts'

export async function templatesOf(db: DbOrTx, territoryId: string): Promise<CrisisTemplate[]> {
  return db
    .select()
    .from(crisisTemplates)
    .where(eq(crisisTemplates.territoryId, territoryId))
    .orderBy(asc(crisisTemplates.kind))
}

export async function findTemplate(
  db: DbOrTx,
  territoryId: string,
  kind: CrisisKind,
): Promise<CrisisTemplate | null> {
  const [row] = await db
    .select()
    .from(crisisTemplates)
    .where(and(eq(crisisTemplates.territoryId, territoryId), eq(crisisTemplates.kind, kind)))
  return row ?? null
}

/** Seeds the missing ones only: two first visits at once, or a second seeding, change nothing. */
export async function insertTemplates(db: DbOrTx, rows: CrisisTemplate[]): Promise<void> {
  if (rows.length === 0) return
  await db.insert(crisisTemplates).values(rows).onConflictDoNothing()
}

export async function updateTemplate(
  db: DbOrTx,
  territoryId: string,
  kind: CrisisKind,
  changes: Pick<CrisisTemplate, 'categorySlugs' | 'guidance' | 'homeMessage' | 'updatedBy' | 'updatedAt'>,
): Promise<void> {
  await db
    .update(crisisTemplates)
    .set(changes)
    .where(and(eq(crisisTemplates.territoryId, territoryId), eq(crisisTemplates.kind, kind)))
}

export async function openPeriod(db: DbOrTx, territoryId: string): Promise<CrisisPeriod | null> {
  const [row] = await db
    .select()
    .from(crisisPeriods)
    .where(and(eq(crisisPeriods.territoryId, territoryId), isNull(crisisPeriods.endedAt)))
  return row ?? null
}

/** The unique index on open periods refuses a second one: the caller turns that into words. */
export async function insertPeriod(db: DbOrTx, period: CrisisPeriod): Promise<void> {
  await db.insert(crisisPeriods).values(period)
}

export async function setCampaign(db: DbOrTx, id: string, callCampaignId: string): Promise<void> {
  await db.update(crisisPeriods).set({ callCampaignId }).where(eq(crisisPeriods.id, id))
}

/** Ends the open period; false when another request ended it first. */
export async function endPeriod(
  db: DbOrTx,
  territoryId: string,
  id: string,
  end: { endedBy: string; endedAt: Date; endReason: string; counts: Record<string, number> },
): Promise<boolean> {
  const rows = await db
    .update(crisisPeriods)
    .set(end)
    .where(
      and(
        eq(crisisPeriods.territoryId, territoryId),
        eq(crisisPeriods.id, id),
        isNull(crisisPeriods.endedAt),
      ),
    )
    .returning({ id: crisisPeriods.id })
  return rows.length > 0
}

export async function history(db: DbOrTx, territoryId: string, limit = 50): Promise<CrisisPeriod[]> {
  return db
    .select()
    .from(crisisPeriods)
    .where(eq(crisisPeriods.territoryId, territoryId))
    .orderBy(desc(crisisPeriods.startedAt))
    .limit(limit)
}
