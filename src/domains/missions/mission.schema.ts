import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { frenchSearchVector } from '../../platform/db/column-types.ts'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/** held (money wording, waiting for moderation) → published → closed; removed by moderation. */
export const missionStatuses = ['held', 'published', 'closed', 'removed'] as const
export type MissionStatus = (typeof missionStatuses)[number]

/** « tous les samedis 9h–12h jusqu'au 30 juin »: the rule the slots were made from, as entered. */
export interface Recurrence {
  /** ISO weekday, 1 = Monday */
  weekday: number
  /** local time in Europe/Paris, « 09:00 » */
  start: string
  end: string
  /** last day, « 2027-06-30 » */
  until: string
}

/** A need for volunteers posted by an organisation. */
export const missions = pgTable(
  'missions',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(idOf('organisations'), { onDelete: 'cascade' }),
    categoryId: uuid('category_id').notNull().references(idOf('categories')),
    title: text('title').notNull(),
    description: text('description').notNull(),
    communeInsee: text('commune_insee').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** shown only to volunteers signed up to one of its slots */
    address: text('address'),
    /** only volunteers verified by staff (volunteer verification) may sign up */
    needsVerifiedVolunteer: boolean('needs_verified_volunteer').notNull().default(false),
    /** a volunteer may withdraw until this many hours before the slot starts */
    withdrawHoursBefore: integer('withdraw_hours_before').notNull().default(24),
    recurrence: jsonb('recurrence').$type<Recurrence>(),
    status: text('status').$type<MissionStatus>().notNull(),
    holdReasons: text('hold_reasons').array().notNull().default(sql`'{}'::text[]`),
    searchVector: frenchSearchVector('title', 'description'),
    createdBy: uuid('created_by').references(idOf('accounts'), { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('missions_organisation_idx').on(t.organisationId, t.createdAt.desc()),
    index('missions_newest_idx')
      .on(t.territoryId, t.publishedAt.desc().nullsLast(), t.id.desc())
      .where(sql`status = 'published'`),
    index('missions_search_idx')
      .using('gin', t.searchVector)
      .with({ fastupdate: false })
      .where(sql`status = 'published'`),
    index('missions_commune_idx').on(t.territoryId, t.communeInsee).where(sql`status = 'published'`),
  ],
)

/**
 * One date of a mission with its places. `taken` counts the sign-ups that hold a place and can
 * never exceed `places` (a check the database enforces): a sign-up takes its place with one
 * conditional update, so two people racing for the last place cannot both get it.
 */
export const missionSlots = pgTable(
  'mission_slots',
  {
    id: uuid('id').primaryKey(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    places: integer('places').notNull(),
    taken: integer('taken').notNull().default(0),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** the day-before reminder went out */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    index('mission_slots_mission_idx').on(t.missionId, t.startsAt),
    index('mission_slots_reminder_idx')
      .on(t.startsAt)
      .where(sql`reminded_at is null and cancelled_at is null`),
    check('mission_slots_places_check', sql`places between 1 and 10000 and taken between 0 and places`),
    check('mission_slots_times_check', sql`ends_at > starts_at`),
  ],
)

/** signed-up → withdrawn, or after the slot: attended / absent (confirmed by the organisation). */
export const signupStatuses = ['signed-up', 'withdrawn', 'attended', 'absent'] as const
export type SignupStatus = (typeof signupStatuses)[number]

export const missionSignups = pgTable(
  'mission_signups',
  {
    id: uuid('id').primaryKey(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => missionSlots.id, { onDelete: 'cascade' }),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    status: text('status').$type<SignupStatus>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    attendanceBy: uuid('attendance_by').references(idOf('accounts'), { onDelete: 'set null' }),
    attendanceAt: timestamp('attendance_at', { withTimezone: true }),
    thankedAt: timestamp('thanked_at', { withTimezone: true }),
    /** for the organisation's digest: told to its managers yet */
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [
    // One live sign-up per person and slot; a withdrawn one may be followed by a new one.
    uniqueIndex('mission_signups_slot_account_idx')
      .on(t.slotId, t.accountId)
      .where(sql`status <> 'withdrawn'`),
    index('mission_signups_account_idx').on(t.accountId, t.createdAt.desc()),
    index('mission_signups_mission_idx').on(t.missionId, t.slotId),
  ],
)
