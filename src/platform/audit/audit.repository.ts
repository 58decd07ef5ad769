import { and, desc, eq, lt } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { auditLog } from './audit.schema.ts'

export type AuditRow = typeof auditLog.$inferSelect

export async function insertAudit(db: DbOrTx, row: AuditRow): Promise<void> {
  await db.insert(auditLog).values(row)
}

/** Newest first, a page at a time (keyset on the date). */
export async function listAudit(
  db: DbOrTx,
  territoryId: string,
  options: { before?: Date; limit: number },
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      options.before
        ? and(eq(auditLog.territoryId, territoryId), lt(auditLog.createdAt, options.before))
        : eq(auditLog.territoryId, territoryId),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(options.limit)
}
