/**
 * What other domains may use of reports: closing the reports on a subject when a moderator
 * decides it, and reading the reports on a subject (reasons and dates, never the reporter).
 */

export type { ReportReason, ReportTarget } from './report.schema.ts'
export { closeReportsOn, reportsOn } from './report-closing.ts'
