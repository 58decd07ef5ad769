import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/**
 * pending: sent, waiting for the volunteer; accepted: they took it (their response is the match);
 * declined: they said no; expired: no answer in time; taken: another volunteer accepted first;
 * withdrawn: the coordinator or the ask's end took it back.
 */
export const dispatchProposalStatuses = [
  'pending',
  'accepted',
  'declined',
  'expired',
  'taken',
  'withdrawn',
] as const
export type DispatchProposalStatus = (typeof dispatchProposalStatuses)[number]

/** Why a suggestion ranks where it does, one part per criterion, shown to the coordinator. */
export interface ScorePart {
  criterion: 'distance' | 'category' | 'availability' | 'verified' | 'load' | 'responsiveness' | 'language'
  points: number
  /** a value the sentence shows: « 3 km », « 2 mises en relation en cours », « 80 % » */
  value?: string
}

/**
 * A coordinator proposes an ask nobody answered to a volunteer. The first to accept gets the
 * match; the others' proposals become `taken`. Volunteers never see who else received it.
 */
export const dispatchProposals = pgTable(
  'dispatch_proposals',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    listingId: uuid('listing_id').notNull().references(idOf('listings'), { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    /** the bulk plan it came from, if any */
    planId: uuid('plan_id'),
    proposedBy: uuid('proposed_by').references(idOf('accounts'), { onDelete: 'set null' }),
    score: real('score').notNull(),
    parts: jsonb('parts').$type<ScorePart[]>().notNull().default([]),
    status: text('status').$type<DispatchProposalStatus>().notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('dispatch_proposals_pending_idx')
      .on(t.listingId, t.volunteerId)
      .where(sql`status = 'pending'`),
    index('dispatch_proposals_volunteer_idx').on(t.volunteerId, t.createdAt.desc()),
    index('dispatch_proposals_listing_idx').on(t.listingId),
    index('dispatch_proposals_expiry_idx').on(t.expiresAt).where(sql`status = 'pending'`),
  ],
)

/**
 * A bulk dispatch the coordinator reviews before sending: the solver's assignment of many asks
 * to many volunteers, with its figures. Pairs the coordinator removes stay, marked, until sent.
 */
export const dispatchPlans = pgTable(
  'dispatch_plans',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(idOf('accounts'), { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** asks considered, volunteers, candidate pairs kept, solver milliseconds, total score */
    figures: jsonb('figures').$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [index('dispatch_plans_territory_idx').on(t.territoryId, t.createdAt.desc())],
)

export const dispatchPlanPairs = pgTable(
  'dispatch_plan_pairs',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => dispatchPlans.id, { onDelete: 'cascade' }),
    listingId: uuid('listing_id').notNull().references(idOf('listings'), { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    score: real('score').notNull(),
    parts: jsonb('parts').$type<ScorePart[]>().notNull().default([]),
    distanceKm: integer('distance_km').notNull(),
    removed: boolean('removed').notNull().default(false),
  },
  (t) => [uniqueIndex('dispatch_plan_pairs_idx').on(t.planId, t.listingId)],
)
