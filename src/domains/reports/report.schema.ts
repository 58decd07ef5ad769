import { sql } from 'drizzle-orm'
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

export const reportTargets = ['listing', 'message', 'account', 'organisation'] as const
export type ReportTarget = (typeof reportTargets)[number]

export const reportReasons = ['commerce', 'scam', 'abuse', 'danger', 'other'] as const
export type ReportReason = (typeof reportReasons)[number]

export const reportStatuses = ['open', 'handled', 'dismissed'] as const
export type ReportStatus = (typeof reportStatuses)[number]

/**
 * A report on a listing, a message, a profile or an organisation; it puts its target in the
 * moderation queue, and staff also handle it from the reports' own list.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    targetKind: text('target_kind').$type<ReportTarget>().notNull(),
    targetId: uuid('target_id').notNull(),
    reason: text('reason').$type<ReportReason>().notNull(),
    comment: text('comment'),
    status: text('status').$type<ReportStatus>().notNull().default('open'),
    handledBy: uuid('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('reports_once_idx').on(t.reporterId, t.targetKind, t.targetId),
    index('reports_open_idx').on(t.territoryId, t.createdAt.desc()).where(sql`status = 'open'`),
  ],
)
