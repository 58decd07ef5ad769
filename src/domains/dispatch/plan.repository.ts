import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { dispatchPlanPairs, dispatchPlans } from './dispatch.schema.ts'

export type PlanRow = typeof dispatchPlans.$inferSelect
export type PlanPairRow = typeof dispatchPlanPairs.$inferSelect

export async function insertPlan(tx: DbOrTx, plan: PlanRow, pairs: readonly PlanPairRow[]): Promise<void> {
  await tx.insert(dispatchPlans).values(plan)
  // A few hundred rows per statement keeps a large plan under the protocol's parameter limit.
  for (let i = 0; i < pairs.length; i += 500)
    await tx.insert(dispatchPlanPairs).values(pairs.slice(i, i + 500))
}

export async function findPlan(db: DbOrTx, territoryId: string, id: string) {
  const [plan] = await db
    .select()
    .from(dispatchPlans)
    .where(and(eq(dispatchPlans.territoryId, territoryId), eq(dispatchPlans.id, id)))
  if (!plan) return null
  const pairs = await db.select().from(dispatchPlanPairs).where(eq(dispatchPlanPairs.planId, id))
  return { plan, pairs }
}

/** Marks the plan sent if it was not: a second send (two tabs, a double click) finds nothing to send. */
export async function markPlanSent(tx: DbOrTx, territoryId: string, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(dispatchPlans)
    .set({ sentAt: now })
    .where(
      and(eq(dispatchPlans.territoryId, territoryId), eq(dispatchPlans.id, id), isNull(dispatchPlans.sentAt)),
    )
    .returning({ id: dispatchPlans.id })
  return rows.length > 0
}

/** The pairs the coordinator took out before sending. */
export async function markRemoved(tx: DbOrTx, planId: string, listingIds: readonly string[]): Promise<void> {
  if (listingIds.length === 0) return
  await tx
    .update(dispatchPlanPairs)
    .set({ removed: true })
    .where(and(eq(dispatchPlanPairs.planId, planId), inArray(dispatchPlanPairs.listingId, [...listingIds])))
}
