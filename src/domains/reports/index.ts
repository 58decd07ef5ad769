/**
 * What other domains may use of reports: closing the reports on a subject when a moderator
 * decides it, reading the reports on a subject (reasons and dates, never the reporter), and open
 * reports as moderation-queue items for the queue's start-up catch-up (moderation sits above reports).
 */

export type { ReportReason, ReportTarget } from './report.schema.ts'
/** Reporting as a person does, for the demonstration's queue. */
export { ReportService } from './report.service.ts'
export { reportsToQueue } from './report-backfill.ts'
export { closeReportsOn, reportsOn } from './report-closing.ts'
