import { and, desc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { territories } from '../tenancy/territory.schema.ts'
import { devSms, type SmsStatus, smsDailyCounts, smsLog, smsStopList } from './sms.schema.ts'

export type SmsLogRow = typeof smsLog.$inferSelect
export type DevSms = typeof devSms.$inferSelect

export async function insertSmsLog(db: DbOrTx, row: SmsLogRow): Promise<void> {
  await db.insert(smsLog).values(row)
}

export async function findSmsLog(db: DbOrTx, id: string): Promise<SmsLogRow | null> {
  const [row] = await db.select().from(smsLog).where(eq(smsLog.id, id))
  return row ?? null
}

export async function setSmsStatus(
  db: DbOrTx,
  id: string,
  status: SmsStatus,
  now: Date,
  providerId?: string | null,
): Promise<void> {
  await db
    .update(smsLog)
    .set({ status, updatedAt: now, ...(providerId !== undefined ? { providerId } : {}) })
    .where(eq(smsLog.id, id))
}

/**
 * Counts `segments` against the day's cap and says whether they fit, in one statement: the row
 * of the day is created or raised only while the total stays within the territory's cap, so two
 * processes sending at once never pass it together.
 */
export async function countAgainstCap(
  db: DbOrTx,
  territoryId: string,
  day: string,
  segments: number,
): Promise<boolean> {
  const cap = sql`(SELECT ${territories.smsDailyCap} FROM ${territories} WHERE ${territories.id} = ${territoryId})`
  const result = await db.execute(sql`
    INSERT INTO ${smsDailyCounts} (territory_id, day, sent, held)
    SELECT ${territoryId}, ${day}, ${segments}, 0 WHERE ${segments} <= ${cap}
    ON CONFLICT (territory_id, day) DO UPDATE SET sent = ${smsDailyCounts.sent} + excluded.sent
      WHERE ${smsDailyCounts.sent} + excluded.sent <= ${cap}
    RETURNING sent`)
  return (result as unknown as { rows: unknown[] }).rows.length > 0
}

export async function countHeld(db: DbOrTx, territoryId: string, day: string): Promise<void> {
  await db
    .insert(smsDailyCounts)
    .values({ territoryId, day, sent: 0, held: 1 })
    .onConflictDoUpdate({
      target: [smsDailyCounts.territoryId, smsDailyCounts.day],
      set: { held: sql`${smsDailyCounts.held} + 1` },
    })
}

export async function dayCounts(
  db: DbOrTx,
  territoryId: string,
  day: string,
): Promise<{ sent: number; held: number }> {
  const [row] = await db
    .select({ sent: smsDailyCounts.sent, held: smsDailyCounts.held })
    .from(smsDailyCounts)
    .where(and(eq(smsDailyCounts.territoryId, territoryId), eq(smsDailyCounts.day, day)))
  return row ?? { sent: 0, held: 0 }
}

export async function isOnStopList(db: DbOrTx, territoryId: string, phone: string): Promise<boolean> {
  const [row] = await db
    .select({ phone: smsStopList.phone })
    .from(smsStopList)
    .where(and(eq(smsStopList.territoryId, territoryId), eq(smsStopList.phone, phone)))
  return row !== undefined
}

export async function addToStopList(db: DbOrTx, territoryId: string, phone: string, at: Date): Promise<void> {
  await db.insert(smsStopList).values({ territoryId, phone, stoppedAt: at }).onConflictDoNothing()
}

export async function removeFromStopList(db: DbOrTx, territoryId: string, phone: string): Promise<void> {
  await db
    .delete(smsStopList)
    .where(and(eq(smsStopList.territoryId, territoryId), eq(smsStopList.phone, phone)))
}

/** Keyed by the job's id: a retry after a crash finds the SMS already there and adds no copy. */
export async function insertDevSms(db: DbOrTx, row: DevSms): Promise<void> {
  await db.insert(devSms).values(row).onConflictDoNothing({ target: devSms.id })
}

/** SMS written before `before`: phone numbers and what was said to them are not kept for ever. */
export async function deleteDevSmsBefore(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db.delete(devSms).where(lt(devSms.createdAt, before)).returning({ id: devSms.id })
  return rows.length
}

/** A platform's own SMS and those sent for no platform; every one on an unknown host. */
function visibleFrom(territoryId: string | null): SQL | undefined {
  return territoryId ? or(eq(devSms.territoryId, territoryId), isNull(devSms.territoryId)) : undefined
}

export async function listDevSms(db: DbOrTx, territoryId: string | null, limit: number): Promise<DevSms[]> {
  return db
    .select()
    .from(devSms)
    .where(visibleFrom(territoryId))
    .orderBy(desc(devSms.createdAt), desc(devSms.id))
    .limit(limit)
}
