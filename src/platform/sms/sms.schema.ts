import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { territories } from '../tenancy/territory.schema.ts'

/** What became of an SMS asked for: the log an administrator's counts and the cap read. */
export const smsStatuses = ['queued', 'sending', 'sent', 'held-cap', 'stopped', 'failed'] as const
export type SmsStatus = (typeof smsStatuses)[number]

/**
 * One row per SMS asked for, keyed by its job's id. It holds no number and no text: what was
 * sent to whom is the provider's (or the development outbox's); this says only what happened,
 * for the cap and for the counts staff see.
 */
export const smsLog = pgTable(
  'sms_log',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    /** why it was sent: 'notification', 'phone-case'… */
    purpose: text('purpose').notNull(),
    status: text('status').$type<SmsStatus>().notNull(),
    segments: integer('segments').notNull(),
    /** the provider's id of the message, to follow it up with them */
    providerId: text('provider_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sms_log_territory_idx').on(t.territoryId, t.createdAt)],
)

/**
 * SMS sent and held back per territory and Paris day: the cap is checked and counted in one
 * statement on this row, so two processes sending together never pass it.
 */
export const smsDailyCounts = pgTable(
  'sms_daily_counts',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    sent: integer('sent').notNull().default(0),
    held: integer('held').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.day] })],
)

/**
 * Numbers that answered « STOP », per territory: none of them gets an SMS again, queued ones
 * included, until the person opts in anew (their profile, or an agent recording their consent).
 */
export const smsStopList = pgTable(
  'sms_stop_list',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    /** E.164 */
    phone: text('phone').notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.phone] })],
)

/**
 * Development outbox: where SMS go when no provider is configured outside production, so that a
 * developer reads at /dev/sms what the platform would send. Keyed by the job's id: a retry after
 * a crash adds no copy.
 */
export const devSms = pgTable(
  'dev_sms',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id').references(() => territories.id, { onDelete: 'cascade' }),
    recipient: text('recipient').notNull(),
    sender: text('sender').notNull(),
    body: text('body').notNull(),
    segments: integer('segments').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('dev_sms_created_idx').on(t.createdAt), check('dev_sms_segments', sql`${t.segments} > 0`)],
)
