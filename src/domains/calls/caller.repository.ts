import { and, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { callCallers } from './calls.schema.ts'
import { NO_ID } from './registration.repository.ts'

export type CallerRow = typeof callCallers.$inferSelect

export async function callerOfAccount(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
): Promise<CallerRow | null> {
  const [row] = await db
    .select()
    .from(callCallers)
    .where(and(eq(callCallers.territoryId, territoryId), eq(callCallers.accountId, accountId)))
  return row ?? null
}

export async function findCaller(db: DbOrTx, territoryId: string, id: string): Promise<CallerRow | null> {
  const [row] = await db
    .select()
    .from(callCallers)
    .where(and(eq(callCallers.territoryId, territoryId), eq(callCallers.id, id)))
  return row ?? null
}

export function activeCallers(db: DbOrTx, territoryId: string, ids?: string[]): Promise<CallerRow[]> {
  return db
    .select()
    .from(callCallers)
    .where(
      and(
        eq(callCallers.territoryId, territoryId),
        eq(callCallers.active, true),
        ids ? inArray(callCallers.id, ids.length > 0 ? ids : [NO_ID]) : undefined,
      ),
    )
    .orderBy(callCallers.createdAt, callCallers.id)
}

/** Signs up or updates in one statement: one caller row per account and territory. */
export async function upsertCaller(db: DbOrTx, row: typeof callCallers.$inferInsert): Promise<CallerRow> {
  const { id: _id, createdAt: _created, territoryId: _t, accountId: _a, ...changes } = row
  const [saved] = await db
    .insert(callCallers)
    .values(row)
    .onConflictDoUpdate({ target: [callCallers.territoryId, callCallers.accountId], set: changes })
    .returning()
  if (!saved) throw new Error('call_callers upsert returned no row')
  return saved
}

export async function setCallerActive(db: DbOrTx, id: string, active: boolean, at: Date) {
  await db.update(callCallers).set({ active, updatedAt: at }).where(eq(callCallers.id, id))
}
