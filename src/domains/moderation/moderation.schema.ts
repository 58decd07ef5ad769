import { sql } from 'drizzle-orm'
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { reviewItems } from '../../platform/review/review.schema.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/**
 * What a decision did to a person or their content. Content: rejected (with the reason sent to
 * the author), change requested, hidden. Person: warned, suspended for a duration, banned.
 */
export const sanctionKinds = ['reject', 'change', 'hide', 'warn', 'suspend', 'ban'] as const
export type SanctionKind = (typeof sanctionKinds)[number]

/** The reasons a moderator picks from; the free text beside it says the rest. */
export const sanctionReasons = [
  'commerce',
  'money-request',
  'scam',
  'abuse',
  'harassment',
  'danger',
  'personal-data',
  'off-topic',
  'impersonation',
  'other',
] as const
export type SanctionReason = (typeof sanctionReasons)[number]

/**
 * A person's sanction history in a territory, one row per decision that concerns them. A
 * suspension ends at `ends_at` (a job lifts it) or earlier on appeal (`lifted_*`); a ban has no end.
 * The person hears of each row by email with the link to contest it (`appeal_token_hash`).
 */
export const sanctions = pgTable(
  'sanctions',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    /** the queue item the decision closed, when it came from the queue */
    itemId: uuid('item_id').references(() => reviewItems.id, { onDelete: 'set null' }),
    kind: text('kind').$type<SanctionKind>().notNull(),
    reason: text('reason').$type<SanctionReason>().notNull(),
    /** the moderator's words, sent to the person: required, as every decision says why */
    explanation: text('explanation').notNull(),
    decidedBy: uuid('decided_by').references(idOf('accounts'), { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by').references(idOf('accounts'), { onDelete: 'set null' }),
    /** SHA-256 of the one link in the person's email that opens the appeal form without signing in */
    appealTokenHash: text('appeal_token_hash'),
  },
  (t) => [
    index('sanctions_account_idx').on(t.accountId, t.decidedAt.desc()),
    index('sanctions_ending_idx').on(t.endsAt).where(sql`kind = 'suspend' AND lifted_at IS NULL`),
    uniqueIndex('sanctions_appeal_token_idx').on(t.appealTokenHash),
    check('sanctions_explained', sql`length(trim(explanation)) > 0`),
    check('sanctions_suspension_ends', sql`kind <> 'suspend' OR ends_at IS NOT NULL`),
  ],
)

export const appealStatuses = ['open', 'granted', 'upheld'] as const
export type AppealStatus = (typeof appealStatuses)[number]

/**
 * A person contests a sanction, once. Another moderator than the one who decided reviews it:
 * granted lifts the sanction (and restores what it hid), upheld keeps it; the person is told either way.
 */
export const appeals = pgTable(
  'appeals',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    sanctionId: uuid('sanction_id')
      .notNull()
      .references(() => sanctions.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    statement: text('statement').notNull(),
    status: text('status').$type<AppealStatus>().notNull().default('open'),
    reviewedBy: uuid('reviewed_by').references(idOf('accounts'), { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    answer: text('answer'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('appeals_once_idx').on(t.sanctionId),
    check('appeals_statement', sql`length(trim(statement)) > 0`),
    check('appeals_reviewed', sql`status = 'open' OR (reviewed_at IS NOT NULL AND answer IS NOT NULL)`),
  ],
)

/**
 * Moderators' decisions on held listings, missions and needs, kept as labelled examples to
 * measure the free-help rule on real text later: what the rule said, what the moderator decided.
 */
export const moderationExamples = pgTable(
  'moderation_examples',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    text: text('text').notNull(),
    /** whether the free-help rule held it, and its reasons */
    heldByRule: boolean('held_by_rule').notNull(),
    ruleReasons: text('rule_reasons').array().notNull().default(sql`'{}'::text[]`),
    /** the moderator's reading: true when the text asks for money or sells */
    asksMoney: boolean('asks_money').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('moderation_examples_subject_idx').on(t.subjectKind, t.subjectId)],
)
