import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { needDropPoints, needs } from './need.schema.ts'
import type { DropPoint, Need, NeedStatus } from './need.ts'
import { recordNeedState } from './need-stats.ts'

const { searchVector: _sv, ...needColumns } = getTableColumns(needs)

export async function insertNeed(tx: DbOrTx, need: Need, dropPoints: DropPoint[]): Promise<void> {
  await tx.insert(needs).values(need)
  await recordNeedState(tx, need, need.createdAt)
  if (dropPoints.length > 0) await tx.insert(needDropPoints).values(dropPoints)
}

/** The need of this territory with this id, whatever its status; the service decides who sees it. */
export async function findNeed(db: DbOrTx, territoryId: string, id: string): Promise<Need | null> {
  const [row] = await db
    .select(needColumns)
    .from(needs)
    .where(and(eq(needs.territoryId, territoryId), eq(needs.id, id)))
  return row ?? null
}

export function dropPointsOf(db: DbOrTx, needId: string): Promise<DropPoint[]> {
  return db
    .select()
    .from(needDropPoints)
    .where(eq(needDropPoints.needId, needId))
    .orderBy(asc(needDropPoints.position))
}

/** The drop points of several needs in one query, by need. */
export async function dropPointsOfNeeds(db: DbOrTx, needIds: string[]): Promise<Map<string, DropPoint[]>> {
  const rows =
    needIds.length === 0
      ? []
      : await db
          .select()
          .from(needDropPoints)
          .where(inArray(needDropPoints.needId, needIds))
          .orderBy(asc(needDropPoints.position))
  const byNeed = new Map<string, DropPoint[]>()
  for (const r of rows) byNeed.set(r.needId, [...(byNeed.get(r.needId) ?? []), r])
  return byNeed
}

/** The organisation's needs, newest first; only the statuses given. */
export function needsOfOrganisation(
  db: DbOrTx,
  territoryId: string,
  organisationId: string,
  statuses: readonly NeedStatus[],
): Promise<Need[]> {
  return db
    .select(needColumns)
    .from(needs)
    .where(
      and(
        eq(needs.territoryId, territoryId),
        eq(needs.organisationId, organisationId),
        inArray(needs.status, [...statuses]),
      ),
    )
    .orderBy(desc(needs.createdAt))
}

export function needsByIds(db: DbOrTx, territoryId: string, ids: string[]): Promise<Need[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .select(needColumns)
    .from(needs)
    .where(and(eq(needs.territoryId, territoryId), inArray(needs.id, ids)))
}

export type NeedChanges = Partial<
  Pick<
    Need,
    | 'title'
    | 'description'
    | 'quantity'
    | 'unit'
    | 'categoryId'
    | 'deadline'
    | 'allowOverPledge'
    | 'status'
    | 'holdReasons'
    | 'updatedAt'
    | 'closedAt'
  >
>

/**
 * Changes a need still in one of `statuses`. A new quantity or over-pledge choice is checked
 * against what is pledged in the same statement (null: refused, or the status moved meanwhile);
 * a need whose new quantity is covered by what was received becomes met, one no longer covered
 * opens again.
 */
export async function updateNeed(
  tx: DbOrTx,
  where: { territoryId: string; id: string; statuses: readonly NeedStatus[] },
  changes: NeedChanges,
): Promise<Need | null> {
  const q = changes.quantity
  const settled =
    q === undefined || changes.status !== undefined
      ? {}
      : {
          status: sql`case when status = 'open' and received >= ${q} then 'met'
            when status = 'met' and received < ${q} then 'open' else status end`,
        }
  const [row] = await tx
    .update(needs)
    .set({ ...changes, ...settled })
    .where(
      and(
        eq(needs.territoryId, where.territoryId),
        eq(needs.id, where.id),
        inArray(needs.status, [...where.statuses]),
        q === undefined && changes.allowOverPledge === undefined
          ? undefined
          : sql`(${changes.allowOverPledge ?? needs.allowOverPledge} or pledged <= ${q ?? needs.quantity})`,
      ),
    )
    .returning(needColumns)
  if (row) await recordNeedState(tx, row, row.updatedAt)
  return row ?? null
}

export async function insertDropPoint(tx: DbOrTx, point: Omit<DropPoint, 'position'>): Promise<void> {
  await tx.insert(needDropPoints).values({
    ...point,
    position: sql`(select coalesce(max(position), 0) + 1 from need_drop_points where need_id = ${point.needId})`,
  })
}

export async function deleteDropPoint(tx: DbOrTx, needId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(needDropPoints)
    .where(and(eq(needDropPoints.needId, needId), eq(needDropPoints.id, id)))
    .returning({ id: needDropPoints.id })
  return rows.length > 0
}

/**
 * Takes `quantity` from what remains, in one statement: two people racing for the last units
 * cannot both get them, since the second update sees the first one's `pledged`. Null when the
 * need takes no pledge or not that many.
 */
export async function reservePledge(
  tx: DbOrTx,
  territoryId: string,
  needId: string,
  quantity: number,
  now: Date,
): Promise<Need | null> {
  const [row] = await tx
    .update(needs)
    .set({ pledged: sql`${needs.pledged} + ${quantity}`, updatedAt: now })
    .where(
      and(
        eq(needs.territoryId, territoryId),
        eq(needs.id, needId),
        eq(needs.status, 'open'),
        sql`(${needs.allowOverPledge} or ${needs.pledged} + ${quantity} <= ${needs.quantity})`,
      ),
    )
    .returning(needColumns)
  return row ?? null
}

/**
 * What a cancelled pledge gives back, and what a receipt records: `giveBack` leaves `pledged`,
 * `received` joins `received`; the need is met once what was received covers what was asked.
 */
export async function settlePledge(
  tx: DbOrTx,
  needId: string,
  change: { giveBack: number; received: number },
  now: Date,
): Promise<Need> {
  const [row] = await tx
    .update(needs)
    .set({
      pledged: sql`${needs.pledged} - ${change.giveBack}`,
      received: sql`${needs.received} + ${change.received}`,
      status: sql`case when ${needs.status} = 'open' and ${needs.received} + ${change.received} >= ${needs.quantity} then 'met' else ${needs.status} end`,
      updatedAt: now,
    })
    .where(eq(needs.id, needId))
    .returning(needColumns)
  await recordNeedState(tx, row!, now)
  return row!
}
