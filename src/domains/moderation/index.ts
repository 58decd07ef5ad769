/**
 * What other parts of the app may use of moderation (it sits above every domain it moderates):
 * the queue's catch-up that the server runs at start.
 */
export { backfillReviewQueue } from './review-backfill.ts'
