import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { frenchSearchVector } from '../../platform/db/column-types.ts'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/** held (money wording) → open → met (received ≥ asked) or closed by the organisation; removed by moderation. */
export const needStatuses = ['held', 'open', 'met', 'closed', 'removed'] as const
export type NeedStatus = (typeof needStatuses)[number]

/**
 * What an organisation lacks: « 200 repas par semaine », « 10 lits de camp ». `pledged` and
 * `received` are kept with the pledges in the same transaction; unless the organisation allows
 * more, the database refuses pledges beyond what is asked.
 */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(idOf('organisations'), { onDelete: 'cascade' }),
    categoryId: uuid('category_id').references(idOf('categories')),
    title: text('title').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    /** « repas », « lits de camp », « m » */
    unit: text('unit').notNull(),
    deadline: date('deadline', { mode: 'string' }),
    allowOverPledge: boolean('allow_over_pledge').notNull().default(false),
    pledged: integer('pledged').notNull().default(0),
    received: integer('received').notNull().default(0),
    status: text('status').$type<NeedStatus>().notNull(),
    holdReasons: text('hold_reasons').array().notNull().default(sql`'{}'::text[]`),
    searchVector: frenchSearchVector('title', 'description'),
    createdBy: uuid('created_by').references(idOf('accounts'), { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('needs_organisation_idx').on(t.organisationId, t.createdAt.desc()),
    index('needs_open_idx').on(t.territoryId, t.createdAt.desc()).where(sql`status = 'open'`),
    index('needs_search_idx')
      .using('gin', t.searchVector)
      .with({ fastupdate: false })
      .where(sql`status = 'open'`),
    check('needs_quantity_check', sql`quantity between 1 and 1000000`),
    check(
      'needs_pledged_check',
      sql`pledged >= 0 and received >= 0 and (allow_over_pledge or pledged <= quantity)`,
    ),
  ],
)

/** Where pledged things are brought: a name, a commune, an address and opening hours. */
export const needDropPoints = pgTable(
  'need_drop_points',
  {
    id: uuid('id').primaryKey(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    communeInsee: text('commune_insee').notNull(),
    address: text('address').notNull(),
    /** « du lundi au vendredi, 9 h – 12 h » */
    hours: text('hours').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('need_drop_points_need_idx').on(t.needId, t.position)],
)

/** pledged → received (confirmed by the organisation, maybe for less) or cancelled. */
export const pledgeStatuses = ['pledged', 'received', 'cancelled'] as const
export type PledgeStatus = (typeof pledgeStatuses)[number]

export const needPledges = pgTable(
  'need_pledges',
  {
    id: uuid('id').primaryKey(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    /** pledged in the name of an organisation the person belongs to */
    organisationId: uuid('organisation_id').references(idOf('organisations'), { onDelete: 'set null' }),
    quantity: integer('quantity').notNull(),
    receivedQuantity: integer('received_quantity'),
    status: text('status').$type<PledgeStatus>().notNull(),
    dropPointId: uuid('drop_point_id').references(() => needDropPoints.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: uuid('received_by').references(idOf('accounts'), { onDelete: 'set null' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('need_pledges_need_idx').on(t.needId, t.createdAt.desc()),
    index('need_pledges_account_idx').on(t.accountId, t.createdAt.desc()),
    check(
      'need_pledges_quantity_check',
      sql`quantity between 1 and 1000000 and (received_quantity is null or received_quantity between 0 and 1000000)`,
    ),
  ],
)
