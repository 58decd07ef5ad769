import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { rateLimits } from './rate-limit.schema.ts'

/**
 * One statement counts a hit and starts a new window when the old one has passed, so two
 * processes counting at once never lose a hit.
 */
export async function countHit(
  db: DbOrTx,
  key: string,
  now: Date,
  windowStartsAfter: Date,
): Promise<{ count: number; windowStart: Date }> {
  const result = await db.execute(hitQuery(key, now, windowStartsAfter))
  const row = (result as unknown as { rows: { count: number; window_start: string | Date }[] }).rows[0]!
  return readHit(row)
}

/** The statement of countHit, for a batch of writes (write-batch.ts): it returns `count, window_start`. */
export function hitQuery(key: string, now: Date, windowStartsAfter: Date): SQL {
  return sql`
    INSERT INTO ${rateLimits} (key, window_start, count) VALUES (${key}, ${now.toISOString()}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN ${rateLimits.windowStart} <= ${windowStartsAfter.toISOString()} THEN 1 ELSE ${rateLimits.count} + 1 END,
      window_start = CASE WHEN ${rateLimits.windowStart} <= ${windowStartsAfter.toISOString()} THEN ${now.toISOString()}::timestamptz ELSE ${rateLimits.windowStart} END
    RETURNING count, window_start`
}

export function readHit(row: { count: unknown; window_start: unknown }): {
  count: number
  windowStart: Date
} {
  return { count: Number(row.count), windowStart: new Date(row.window_start as string | Date) }
}

export async function clearHits(db: DbOrTx, key: string): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`)
}

export async function deleteStaleHits(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${before.toISOString()}`)
}
