import { and, desc, eq, lt, or } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { type ReportStatus, reports } from './report.schema.ts'
import type { ReportTarget } from './report.ts'

export type ReportRow = typeof reports.$inferSelect

export async function hasReported(db: DbOrTx, reporterId: string, kind: ReportTarget, targetId: string) {
  const rows = await db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(eq(reports.reporterId, reporterId), eq(reports.targetKind, kind), eq(reports.targetId, targetId)),
    )
  return rows.length > 0
}

/** false when this person already reported this target (the unique index decides, even under a race). */
export async function insertReport(db: DbOrTx, row: typeof reports.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(reports).values(row).onConflictDoNothing().returning({ id: reports.id })
  return inserted.length > 0
}

export async function findReport(db: DbOrTx, territoryId: string, id: string): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.territoryId, territoryId), eq(reports.id, id)))
  return row ?? null
}

/** Closes an open report; null when it is not open (any more) in this territory. */
export async function closeReport(
  db: DbOrTx,
  territoryId: string,
  id: string,
  change: { status: Exclude<ReportStatus, 'open'>; handledBy: string; handledAt: Date },
): Promise<ReportRow | null> {
  const [row] = await db
    .update(reports)
    .set(change)
    .where(and(eq(reports.territoryId, territoryId), eq(reports.id, id), eq(reports.status, 'open')))
    .returning()
  return row ?? null
}

/** Open reports of the territory, newest first; what each one names is read from its owner. */
export async function listOpenReports(
  db: DbOrTx,
  territoryId: string,
  limit: number,
  /** the last report of the previous page: the next page starts after it */
  after?: { createdAt: Date; id: string },
): Promise<ReportRow[]> {
  return db
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.territoryId, territoryId),
        eq(reports.status, 'open'),
        after
          ? or(
              lt(reports.createdAt, after.createdAt),
              and(eq(reports.createdAt, after.createdAt), lt(reports.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(limit)
}
