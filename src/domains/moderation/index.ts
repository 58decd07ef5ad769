/**
 * What other parts of the app may use of moderation (it sits above every domain it moderates):
 * the queue's catch-up that the server runs at start, and what a suspended person hears at
 * sign-in, handed to accounts in src/modules.ts.
 */
export { backfillReviewQueue } from './review-backfill.ts'
export { suspendedSignIn } from './sanction-life.service.ts'
