import { and, count, desc, eq, gte, lt, ne, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { type ReportStatus, reports } from './report.schema.ts'
import type { ReportReason, ReportTarget } from './report.ts'

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

/** Every report of the territory since `since`, whatever its handling: who reported what. */
export function reportsSince(db: DbOrTx, territoryId: string, since: Date) {
  return db
    .select({
      reporterId: reports.reporterId,
      targetKind: reports.targetKind,
      targetId: reports.targetId,
      reason: reports.reason,
    })
    .from(reports)
    .where(and(eq(reports.territoryId, territoryId), gte(reports.createdAt, since)))
}

/** Open reports on this target other than `except`: whether its queue item still has a reason to wait. */
export async function otherOpenReports(
  db: DbOrTx,
  territoryId: string,
  target: { kind: ReportTarget; id: string },
  except: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reports)
    .where(
      and(
        eq(reports.territoryId, territoryId),
        eq(reports.targetKind, target.kind),
        eq(reports.targetId, target.id),
        eq(reports.status, 'open'),
        ne(reports.id, except),
      ),
    )
  return row?.n ?? 0
}

/**
 * Open reports of every territory, one row per target: distinct reporters, the reasons, the first
 * report's time. What the queue's start-up catch-up needs.
 */
export function openReportsByTarget(db: DbOrTx) {
  return db
    .select({
      territoryId: reports.territoryId,
      targetKind: reports.targetKind,
      targetId: reports.targetId,
      reporters: sql<number>`count(DISTINCT ${reports.reporterId})::int`,
      reasons: sql<ReportReason[]>`array_agg(DISTINCT ${reports.reason} ORDER BY ${reports.reason})`,
      since: sql<Date>`min(${reports.createdAt})`.mapWith(reports.createdAt),
    })
    .from(reports)
    .where(eq(reports.status, 'open'))
    .groupBy(reports.territoryId, reports.targetKind, reports.targetId)
}
