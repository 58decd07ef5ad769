import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { reviewItems } from './review.schema.ts'
import type { ReviewSubmission } from './review-queue.ts'

/**
 * Puts in the queue the subjects that are not waiting there yet, and leaves those that are
 * untouched (no report counted twice, no version raised): what a start-up catch-up needs, where
 * `submitForReview` would merge the same reports again at every start.
 */
export async function queueWhereAbsent(
  db: DbOrTx,
  items: (ReviewSubmission & { reportCount?: number; since?: Date })[],
  at: { ids: () => string; now: Date },
): Promise<number> {
  if (items.length === 0) return 0
  const rows = await db
    .insert(reviewItems)
    .values(
      items.map((item) => ({
        id: at.ids(),
        territoryId: item.territoryId,
        subjectKind: item.subjectKind,
        subjectId: item.subjectId,
        cause: item.cause,
        priority: item.priority ?? 0,
        reportCount: item.reportCount ?? (item.report ? 1 : 0),
        accountId: item.accountId ?? null,
        label: (item.label ?? '').slice(0, 200),
        details: item.details ?? [],
        createdAt: item.since ?? at.now,
        updatedAt: at.now,
      })),
    )
    .onConflictDoNothing({
      target: [reviewItems.territoryId, reviewItems.subjectKind, reviewItems.subjectId],
      where: sql`status = 'open'`,
    })
    .returning({ id: reviewItems.id })
  return rows.length
}
