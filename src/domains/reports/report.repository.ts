import { and, desc, eq, inArray, lt, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '../../platform/db/client.ts'
import { accounts } from '../accounts/account.schema.ts'
import { listings } from '../listings/listing.schema.ts'
import { matches, messages } from '../matches/match.schema.ts'
import { type ReportStatus, reports } from './report.schema.ts'
import type { OpenReport, ReportTarget } from './report.ts'

export type ReportRow = typeof reports.$inferSelect

/** A message of a conversation this account is a party of; anyone else gets nothing. */
export async function findMessageForParty(db: DbOrTx, territoryId: string, id: string, accountId: string) {
  const [row] = await db
    .select({
      id: messages.id,
      matchId: messages.matchId,
      body: messages.body,
      senderName: accounts.displayName,
    })
    .from(messages)
    .innerJoin(matches, eq(matches.id, messages.matchId))
    .innerJoin(accounts, eq(accounts.id, messages.senderId))
    .where(
      and(
        eq(messages.territoryId, territoryId),
        eq(matches.territoryId, territoryId),
        eq(messages.id, id),
        or(eq(matches.authorId, accountId), eq(matches.responderId, accountId)),
      ),
    )
  return row ?? null
}

/** An account whose home is this territory. */
export async function findTerritoryAccount(db: DbOrTx, territoryId: string, id: string) {
  const [row] = await db
    .select({ id: accounts.id, displayName: accounts.displayName })
    .from(accounts)
    .where(and(eq(accounts.territoryId, territoryId), eq(accounts.id, id)))
  return row ?? null
}

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

const reporter = alias(accounts, 'reporter')

/** Open reports of the territory, newest first, with what staff need to judge each one. */
export async function listOpenReports(
  db: DbOrTx,
  territoryId: string,
  limit: number,
  /** the last report of the previous page: the next page starts after it */
  after?: { createdAt: Date; id: string },
): Promise<OpenReport[]> {
  const rows = await db
    .select({
      id: reports.id,
      targetKind: reports.targetKind,
      targetId: reports.targetId,
      reason: reports.reason,
      comment: reports.comment,
      createdAt: reports.createdAt,
      reporterName: reporter.displayName,
    })
    .from(reports)
    .innerJoin(reporter, eq(reporter.id, reports.reporterId))
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
  const ids = (kind: ReportTarget) => rows.filter((r) => r.targetKind === kind).map((r) => r.targetId)
  const [listingRows, messageRows, accountRows] = await Promise.all([
    some(ids('listing'), (list) =>
      db
        .select({ id: listings.id, title: listings.title })
        .from(listings)
        .where(and(eq(listings.territoryId, territoryId), inArray(listings.id, list))),
    ),
    some(ids('message'), (list) =>
      db
        .select({ id: messages.id, body: messages.body, senderName: accounts.displayName })
        .from(messages)
        .innerJoin(accounts, eq(accounts.id, messages.senderId))
        .where(and(eq(messages.territoryId, territoryId), inArray(messages.id, list))),
    ),
    some(ids('account'), (list) =>
      db
        .select({ id: accounts.id, displayName: accounts.displayName })
        .from(accounts)
        .where(and(eq(accounts.territoryId, territoryId), inArray(accounts.id, list))),
    ),
  ])
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]))
  const [l, m, a] = [byId(listingRows), byId(messageRows), byId(accountRows)]
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    comment: r.comment,
    reporterName: r.reporterName,
    createdAt: r.createdAt,
    target:
      r.targetKind === 'listing'
        ? { kind: 'listing', id: r.targetId, title: l.get(r.targetId)?.title ?? null }
        : r.targetKind === 'message'
          ? {
              kind: 'message',
              id: r.targetId,
              senderName: m.get(r.targetId)?.senderName ?? null,
              body: m.get(r.targetId)?.body ?? null,
            }
          : { kind: 'account', id: r.targetId, displayName: a.get(r.targetId)?.displayName ?? null },
  }))
}

/** An IN list must not be empty in SQL. */
async function some<T>(list: string[], query: (list: string[]) => Promise<T[]>): Promise<T[]> {
  return list.length === 0 ? [] : query(list)
}
