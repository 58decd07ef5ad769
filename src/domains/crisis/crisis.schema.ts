import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { idOf } from '../../platform/db/foreign-keys.ts'
import type { LocalisedText } from '../../platform/tenancy/territory.schema.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/** The crises a territory prepares for; each has its template. */
export const crisisKinds = ['epidemie', 'canicule', 'inondation', 'tempete', 'grand-froid'] as const
export type CrisisKind = (typeof crisisKinds)[number]

/**
 * What switching a crisis on does, prepared ahead and editable by administrators: the categories
 * it opens (by slug), the guidance shown on their listings, the message of the banner and home page.
 */
export const crisisTemplates = pgTable(
  'crisis_templates',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<CrisisKind>().notNull(),
    categorySlugs: text('category_slugs').array().notNull().default(sql`'{}'::text[]`),
    guidance: jsonb('guidance').$type<LocalisedText>().notNull(),
    homeMessage: jsonb('home_message').$type<LocalisedText>().notNull(),
    updatedBy: uuid('updated_by').references(idOf('accounts'), { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('crisis_templates_kind_idx').on(t.territoryId, t.kind)],
)

/**
 * A crisis the territory went through, from the administrator's switch to its end: the territory's
 * history. At most one is open per territory; its end records what the crisis gathered.
 */
export const crisisPeriods = pgTable(
  'crisis_periods',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<CrisisKind>().notNull(),
    /** why the administrator switched it on, in their words */
    reason: text('reason').notNull(),
    /** the banner's message as it was shown during this crisis */
    message: jsonb('message').$type<LocalisedText>().notNull(),
    /** the categories this crisis opened (ids), closed to new posts again when it ends */
    categoryIds: uuid('category_ids').array().notNull().default(sql`'{}'::text[]::uuid[]`),
    /** the call campaign launched with it, if any */
    callCampaignId: uuid('call_campaign_id'),
    startedBy: uuid('started_by').references(idOf('accounts'), { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedBy: uuid('ended_by').references(idOf('accounts'), { onDelete: 'set null' }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    /** counted when it ends: listings posted in its categories, responses, volunteers called, calls made */
    counts: jsonb('counts').$type<Record<string, number>>(),
  },
  (t) => [
    uniqueIndex('crisis_periods_open_idx').on(t.territoryId).where(sql`ended_at is null`),
    index('crisis_periods_history_idx').on(t.territoryId, t.startedAt.desc()),
    check('crisis_periods_reason', sql`length(trim(${t.reason})) > 0`),
  ],
)

/** How a call reaches volunteers; email today, SMS when its provider comes. */
export const calloutChannels = ['email'] as const
export type CalloutChannel = (typeof calloutChannels)[number]

/** draft: counted (dry run), not sent; sending: the job queue works through it; sent; cancelled. */
export const calloutStatuses = ['draft', 'sending', 'sent', 'cancelled'] as const
export type CalloutStatus = (typeof calloutStatuses)[number]

/** A mass call for volunteers, to those matching its categories and communes. */
export const volunteerCallouts = pgTable(
  'volunteer_callouts',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    crisisId: uuid('crisis_id').references(() => crisisPeriods.id, { onDelete: 'set null' }),
    channel: text('channel').$type<CalloutChannel>().notNull().default('email'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** volunteers interested in one of these categories; empty: any */
    categoryIds: uuid('category_ids').array().notNull().default(sql`'{}'::text[]::uuid[]`),
    /** volunteers living in one of these communes (INSEE); empty: the whole territory */
    communes: text('communes').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').$type<CalloutStatus>().notNull(),
    /** how many people the dry run found, and how many were sent to */
    reach: integer('reach').notNull().default(0),
    sent: integer('sent').notNull().default(0),
    createdBy: uuid('created_by').references(idOf('accounts'), { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('volunteer_callouts_territory_idx').on(t.territoryId, t.createdAt.desc())],
)

/** Each recipient of a call once it is sent: the job queue sends them in small batches. */
export const calloutRecipients = pgTable(
  'callout_recipients',
  {
    calloutId: uuid('callout_id')
      .notNull()
      .references(() => volunteerCallouts.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.calloutId, t.accountId] }),
    index('callout_recipients_pending_idx').on(t.calloutId).where(sql`sent_at is null`),
  ],
)

/** People who clicked « ne plus recevoir ces appels »: no mass call reaches them again. */
export const calloutOptOuts = pgTable(
  'callout_opt_outs',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.accountId] })],
)
