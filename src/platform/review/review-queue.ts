import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { type ReviewCause, type ReviewSubject, reviewItems } from './review.schema.ts'

export type { ReviewCause, ReviewSubject }

export interface ReviewSubmission {
  territoryId: string
  subjectKind: ReviewSubject
  subjectId: string
  cause: ReviewCause
  /** 0 ordinary, 1 reported, 2 a scam or a danger, 3 a person reported by three people in 24 h */
  priority?: number
  /** the person the item is about: author, sender, reported account */
  accountId?: string | null
  /** a listing's title, an organisation's name: never a message's text */
  label?: string
  /** codes: the free-help rule's reasons, the reports' reasons */
  details?: string[]
  /** true for a new, distinct report: counted on the item */
  report?: boolean
}

/**
 * Puts something in the territory's moderation queue, in the caller's transaction, so that the
 * hold or the report and its place in the queue stand or fall together. A subject already
 * waiting is not queued twice: its item gains the report, the higher priority and the new codes.
 */
export async function submitForReview(
  db: DbOrTx,
  item: ReviewSubmission,
  at: { id: string; now: Date },
): Promise<{ id: string; created: boolean }> {
  const priority = item.priority ?? 0
  const [row] = await db
    .insert(reviewItems)
    .values({
      id: at.id,
      territoryId: item.territoryId,
      subjectKind: item.subjectKind,
      subjectId: item.subjectId,
      cause: item.cause,
      priority,
      reportCount: item.report ? 1 : 0,
      accountId: item.accountId ?? null,
      label: (item.label ?? '').slice(0, 200),
      details: item.details ?? [],
      createdAt: at.now,
      updatedAt: at.now,
    })
    .onConflictDoUpdate({
      target: [reviewItems.territoryId, reviewItems.subjectKind, reviewItems.subjectId],
      targetWhere: sql`status = 'open'`,
      set: {
        // Held content stays held content (its decisions are publish or reject) whatever reports
        // come; only a reported item moves up to a stronger cause (a person reported by three).
        cause: sql`CASE WHEN ${reviewItems.cause} IN ('report', 'repeated-reports') AND excluded.priority > ${reviewItems.priority} THEN excluded.cause ELSE ${reviewItems.cause} END`,
        priority: sql`greatest(${reviewItems.priority}, excluded.priority)`,
        reportCount: sql`${reviewItems.reportCount} + excluded.report_count`,
        details: sql`ARRAY(SELECT DISTINCT unnest(${reviewItems.details} || excluded.details) ORDER BY 1)`,
        label: sql`CASE WHEN excluded.label <> '' THEN excluded.label ELSE ${reviewItems.label} END`,
        version: sql`${reviewItems.version} + 1`,
        updatedAt: at.now,
      },
    })
    .returning({ id: reviewItems.id })
  return { id: row!.id, created: row!.id === at.id }
}

/**
 * Takes an item out of the queue when its subject went by other means (the author deleted the
 * held listing, the organisation was verified from its own page). A decided item stays decided.
 */
export async function withdrawFromReview(
  db: DbOrTx,
  subject: { territoryId: string; subjectKind: ReviewSubject; subjectId: string },
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(reviewItems)
    .set({
      status: 'withdrawn',
      claimedBy: null,
      leaseUntil: null,
      version: sql`${reviewItems.version} + 1`,
      updatedAt: now,
    })
    .where(
      and(
        eq(reviewItems.territoryId, subject.territoryId),
        eq(reviewItems.subjectKind, subject.subjectKind),
        eq(reviewItems.subjectId, subject.subjectId),
        eq(reviewItems.status, 'open'),
      ),
    )
    .returning({ id: reviewItems.id })
  return rows.length > 0
}

/** Items waiting in the territory's queue, for the staff header's « Modération (4) ». */
export async function countOpenReviews(db: DbOrTx, territoryId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewItems)
    .where(and(eq(reviewItems.territoryId, territoryId), eq(reviewItems.status, 'open')))
  return row?.n ?? 0
}

/**
 * How long a held listing usually waits, in hours: the median of the last 30 days' decisions on
 * items held before publication. Null when there were none; the author then hears no figure.
 */
export async function medianReviewHours(db: DbOrTx, territoryId: string, now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - 30 * 24 * 3600 * 1000)
  const [row] = await db
    .select({
      hours: sql<
        number | null
      >`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${reviewItems.decidedAt} - ${reviewItems.createdAt}) / 3600)`,
    })
    .from(reviewItems)
    .where(
      and(
        eq(reviewItems.territoryId, territoryId),
        eq(reviewItems.status, 'decided'),
        sql`${reviewItems.cause} IN ('money-wording', 'review-policy')`,
        sql`${reviewItems.decidedAt} >= ${since}`,
      ),
    )
  return row?.hours == null ? null : Number(row.hours)
}
