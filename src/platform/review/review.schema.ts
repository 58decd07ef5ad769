import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { territories } from '../tenancy/territory.schema.ts'

/**
 * What a moderator may be asked to look at. A listing, mission or need held before publication,
 * a reported message, person or organisation, an organisation awaiting verification, and an
 * appeal against a decision.
 */
export const reviewSubjects = [
  'listing',
  'mission',
  'need',
  'message',
  'account',
  'organisation',
  'appeal',
] as const
export type ReviewSubject = (typeof reviewSubjects)[number]

/**
 * Why it is in the queue: money wording the free-help rule caught, the territory's review before
 * publication, one or more reports, an organisation's verification, an appeal, or a person
 * reported by three different people within 24 hours.
 */
export const reviewCauses = [
  'money-wording',
  'review-policy',
  'report',
  'repeated-reports',
  'verification',
  'appeal',
] as const
export type ReviewCause = (typeof reviewCauses)[number]

/** open: waiting for a decision; decided: a moderator decided; withdrawn: gone by other means (the author deleted it). */
export const reviewStatuses = ['open', 'decided', 'withdrawn'] as const
export type ReviewStatus = (typeof reviewStatuses)[number]

/**
 * The territory's one moderation queue. Each domain puts its items here in the transaction that
 * holds or reports the thing (`submitForReview`); the moderation domain shows them, lets one
 * moderator claim an item for a while (`claimed_by`, `lease_until`) and decides it once: a
 * decision names the `version` it was taken on, and a stale one changes nothing.
 */
export const reviewItems = pgTable(
  'review_items',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    subjectKind: text('subject_kind').$type<ReviewSubject>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    cause: text('cause').$type<ReviewCause>().notNull(),
    /** 0 ordinary, 1 reported, 2 reported as a scam or a danger, 3 a person reported by three people in 24 h */
    priority: integer('priority').notNull().default(0),
    /** distinct reports merged into this item (a person reporting twice counts once) */
    reportCount: integer('report_count').notNull().default(0),
    /** the person the item is about (author, sender, reported account), to find their history; null for an organisation */
    accountId: uuid('account_id'),
    /** a short label for the list: a listing's title, an organisation's name; never a message's text */
    label: text('label').notNull().default(''),
    /** codes the source gives, such as the free-help rule's reasons or the reports' reasons */
    details: text('details').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').$type<ReviewStatus>().notNull().default('open'),
    /** raised by each change (a new report, a claim, a decision): a decision names the version it saw */
    version: integer('version').notNull().default(1),
    claimedBy: uuid('claimed_by'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** the decision's code (published, rejected, change-requested, hidden, warned, suspended, banned, dismissed, …) */
    decision: text('decision'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('review_items_open_subject_idx')
      .on(t.territoryId, t.subjectKind, t.subjectId)
      .where(sql`status = 'open'`),
    index('review_items_queue_idx')
      .on(t.territoryId, t.priority.desc(), t.createdAt)
      .where(sql`status = 'open'`),
    index('review_items_decided_idx').on(t.territoryId, t.decidedAt).where(sql`status = 'decided'`),
    index('review_items_account_idx').on(t.accountId),
    check(
      'review_items_decided_has_decision',
      sql`status <> 'decided' OR (decision IS NOT NULL AND decided_at IS NOT NULL)`,
    ),
    check('review_items_claim_has_lease', sql`claimed_by IS NULL OR lease_until IS NOT NULL`),
  ],
)
