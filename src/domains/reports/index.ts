/**
 * What other domains may use of reports: open reports as moderation-queue items, for the queue's
 * start-up catch-up (the moderation domain sits above reports).
 */
export { reportsToQueue } from './report-backfill.ts'
