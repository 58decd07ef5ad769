import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/** Who registered the person for calls: themselves online, a relative, or an agent on the phone. */
export const registrantKinds = ['self', 'relative', 'agent'] as const
export type RegistrantKind = (typeof registrantKinds)[number]

export const callFrequencies = ['daily', 'twice-weekly', 'weekly', 'fortnightly'] as const
export type CallFrequency = (typeof callFrequencies)[number]

/** active: called; paused: by the person's wish, for a while; withdrawn: consent withdrawn, out of every list. */
export const registrationStatuses = ['active', 'paused', 'withdrawn'] as const
export type RegistrationStatus = (typeof registrationStatuses)[number]

/**
 * A person registered for regular calls (« appels de convivialité »). The person's identity and
 * phone live in the phone line's record (`phone_people`), read through its service. This register
 * is the platform's own: it is never merged with the mayor's register of vulnerable persons
 * (CASF L121-6-1) unless the person opted in for that, recorded below with its wording.
 */
export const callRegistrations = pgTable(
  'call_registrations',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(idOf('phone_people'), { onDelete: 'cascade' }),
    registrantKind: text('registrant_kind').$type<RegistrantKind>().notNull(),
    /** the account that registered the person (themselves, the relative, the agent) */
    registeredBy: uuid('registered_by').references(idOf('accounts'), { onDelete: 'set null' }),
    frequency: text('frequency').$type<CallFrequency>().notNull(),
    /** « en fin de matinée » */
    preferredTimes: text('preferred_times'),
    /** « le jardin, le football, ses petits-enfants » */
    topics: text('topics'),
    /** ISO 639-1 code of the language the person likes to be called in */
    language: text('language').notNull().default('fr'),
    status: text('status').$type<RegistrationStatus>().notNull(),
    /** the person's separate agreement to be passed to the mayor's register, with its wording */
    mayorRegisterWording: text('mayor_register_wording'),
    mayorRegisterAt: timestamp('mayor_register_at', { withTimezone: true }),
    /** unanswered calls in a row: at three, the agents are alerted */
    unansweredStreak: integer('unanswered_streak').notNull().default(0),
    lastCallAt: timestamp('last_call_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    // one live registration per person; a withdrawn one stays on record
    uniqueIndex('call_registrations_person_idx')
      .on(t.personId)
      .where(sql`status <> 'withdrawn'`),
    index('call_registrations_territory_idx').on(t.territoryId, t.status),
  ],
)

/** A verified volunteer who keeps the link by phone; callers without a current verification lose access at once. */
export const callCallers = pgTable(
  'call_callers',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    /** ISO 639-1 codes */
    languages: text('languages').array().notNull().default(sql`'{fr}'::text[]`),
    /** INSEE codes of the communes the caller would rather call (their own, their neighbours') */
    communes: text('communes').array().notNull().default(sql`'{}'::text[]`),
    /** « en semaine après 17 h » */
    availability: text('availability'),
    /** how many people the caller can follow regularly */
    capacity: integer('capacity').notNull().default(3),
    /** a caller who stops keeps their past calls on record */
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('call_callers_account_idx').on(t.territoryId, t.accountId),
    check('call_callers_capacity', sql`${t.capacity} between 1 and 30`),
  ],
)

/** A person paired with a caller; the caller sees the person's phone only while the pairing lasts. */
export const callPairings = pgTable(
  'call_pairings',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => callRegistrations.id, { onDelete: 'cascade' }),
    callerId: uuid('caller_id')
      .notNull()
      .references(() => callCallers.id, { onDelete: 'cascade' }),
    pairedBy: uuid('paired_by').references(idOf('accounts'), { onDelete: 'set null' }),
    pairedAt: timestamp('paired_at', { withTimezone: true }).notNull(),
    endedBy: uuid('ended_by').references(idOf('accounts'), { onDelete: 'set null' }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (t) => [
    uniqueIndex('call_pairings_live_idx').on(t.registrationId).where(sql`ended_at is null`),
    index('call_pairings_caller_idx').on(t.callerId).where(sql`ended_at is null`),
  ],
)

/** The caller's one-tap outcome of a call. */
export const callOutcomes = ['ok', 'no-answer', 'needs-help', 'concern'] as const
export type CallOutcome = (typeof callOutcomes)[number]

/** Every call made, regular or in a campaign; append-only. */
export const callLogs = pgTable(
  'call_logs',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => callRegistrations.id, { onDelete: 'cascade' }),
    callerAccountId: uuid('caller_account_id').references(idOf('accounts'), { onDelete: 'set null' }),
    campaignId: uuid('campaign_id').references(() => callCampaigns.id, { onDelete: 'set null' }),
    outcome: text('outcome').$type<CallOutcome>().notNull(),
    note: text('note'),
    /** the phone line's case a « besoin d'aide » or an « inquiétude » opened */
    caseId: uuid('case_id'),
    calledAt: timestamp('called_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('call_logs_registration_idx').on(t.registrationId, t.calledAt.desc()),
    index('call_logs_campaign_idx').on(t.campaignId),
  ],
)

/** A crisis' campaign of calls: heatwave plan, storm, epidemic. */
export const callCampaignReasons = [
  'canicule',
  'tempete',
  'epidemie',
  'inondation',
  'grand-froid',
  'autre',
] as const
export type CallCampaignReason = (typeof callCampaignReasons)[number]

export const callCampaignStatuses = ['running', 'finished', 'stopped'] as const
export type CallCampaignStatus = (typeof callCampaignStatuses)[number]

export const callCampaigns = pgTable(
  'call_campaigns',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    reason: text('reason').$type<CallCampaignReason>().notNull(),
    /** null: every registered person; else only those of this commune */
    communeInsee: text('commune_insee'),
    status: text('status').$type<CallCampaignStatus>().notNull(),
    /** how many tries before a person nobody reached is handed to the agents */
    maxAttempts: integer('max_attempts').notNull().default(3),
    startedBy: uuid('started_by').references(idOf('accounts'), { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('call_campaigns_territory_idx').on(t.territoryId, t.startedAt.desc()),
    check('call_campaigns_attempts', sql`${t.maxAttempts} between 1 and 10`),
  ],
)

/**
 * waiting: to call (again after `retryAt`); claimed: a caller has it until `leaseUntil`, after
 * which it returns to the queue; reached, concern, needs-help: called, done; unreachable: every
 * attempt went unanswered, the agents were told.
 */
export const entryStatuses = [
  'waiting',
  'claimed',
  'reached',
  'concern',
  'needs-help',
  'unreachable',
] as const
export type EntryStatus = (typeof entryStatuses)[number]

/** One person of a campaign: the shared queue callers take the next person from, claimed with a lease. */
export const callCampaignEntries = pgTable(
  'call_campaign_entries',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => callCampaigns.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => callRegistrations.id, { onDelete: 'cascade' }),
    status: text('status').$type<EntryStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    claimedBy: uuid('claimed_by').references(idOf('accounts'), { onDelete: 'set null' }),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** a person not answered is tried again from this moment */
    retryAt: timestamp('retry_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('call_campaign_entries_person_idx').on(t.campaignId, t.registrationId),
    index('call_campaign_entries_queue_idx')
      .on(t.campaignId, t.retryAt.nullsFirst(), t.id)
      .where(sql`status in ('waiting', 'claimed')`),
    check('call_campaign_entries_lease', sql`(${t.status} = 'claimed') = (${t.leaseUntil} is not null)`),
  ],
)
