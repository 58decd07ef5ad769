import { and, asc, eq } from 'drizzle-orm'
import { reviewItems } from '../../src/platform/review/review.schema.ts'
import type { TestApp } from './app.ts'

/** Every item (open, decided or withdrawn) the queue holds about this subject, oldest first. */
export function reviewItemsOf(t: TestApp, subjectId: string) {
  return t.db.db
    .select()
    .from(reviewItems)
    .where(eq(reviewItems.subjectId, subjectId))
    .orderBy(asc(reviewItems.createdAt), asc(reviewItems.id))
}

/** The territory's open items, as the queue would list them. */
export function openReviewItems(t: TestApp, territoryId: string) {
  return t.db.db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.territoryId, territoryId), eq(reviewItems.status, 'open')))
    .orderBy(asc(reviewItems.createdAt), asc(reviewItems.id))
}
