import { and, desc, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { type ReportReason, type ReportTarget, reports } from './report.schema.ts'

/**
 * A moderation decision closes every open report on its subject at once, in the decision's
 * transaction: handled when the moderator acted, dismissed when the report was unfounded.
 */
export async function closeReportsOn(
  db: DbOrTx,
  subject: { territoryId: string; targetKind: ReportTarget; targetId: string },
  change: { status: 'handled' | 'dismissed'; handledBy: string; handledAt: Date },
): Promise<number> {
  const rows = await db
    .update(reports)
    .set(change)
    .where(
      and(
        eq(reports.territoryId, subject.territoryId),
        eq(reports.targetKind, subject.targetKind),
        eq(reports.targetId, subject.targetId),
        eq(reports.status, 'open'),
      ),
    )
    .returning({ id: reports.id })
  return rows.length
}

/** The reports on one subject, newest first: reason, status and date, never who reported nor their words. */
export function reportsOn(
  db: DbOrTx,
  subject: { territoryId: string; targetKind: ReportTarget; targetId: string },
): Promise<{ id: string; reason: ReportReason; status: string; createdAt: Date }[]> {
  return db
    .select({ id: reports.id, reason: reports.reason, status: reports.status, createdAt: reports.createdAt })
    .from(reports)
    .where(
      and(
        eq(reports.territoryId, subject.territoryId),
        eq(reports.targetKind, subject.targetKind),
        eq(reports.targetId, subject.targetId),
      ),
    )
    .orderBy(desc(reports.createdAt))
    .limit(50)
}
