import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/** Where someone without internet finds a person to help them. */
export const helpPointKinds = ['ccas', 'france-services', 'mairie', 'association', 'other'] as const
export type HelpPointKind = (typeof helpPointKinds)[number]

/**
 * A help point (CCAS, France Services, mairie) shown on the home page, the « besoin d'aide » page
 * and the contact page, beside the phone line: administrators keep the list.
 */
export const helpPoints = pgTable(
  'help_points',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<HelpPointKind>().notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    communeInsee: text('commune_insee').notNull(),
    /** « lundi et jeudi, 9 h – 12 h » */
    hours: text('hours').notNull(),
    /** E.164 */
    phone: text('phone'),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('help_points_territory_idx').on(t.territoryId, t.position),
    check('help_points_name', sql`length(trim(${t.name})) > 0`),
  ],
)
