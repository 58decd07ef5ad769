import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { mayBeReferenced } from '../../platform/db/foreign-keys.ts'
import type { LocalisedText } from '../../platform/tenancy/territory.schema.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/** Each territory edits its own list; a new territory starts from the defaults of the product. */
export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: jsonb('name').$type<LocalisedText>().notNull(),
    description: jsonb('description').$type<LocalisedText>().notNull(),
    /** safety guidance shown on every listing of the category */
    guidance: jsonb('guidance').$type<LocalisedText>().notNull(),
    icon: text('icon').notNull(),
    crisis: boolean('crisis').notNull().default(false),
    /** childcare, home visits: only volunteers verified by staff may respond */
    needsVerifiedVolunteer: boolean('needs_verified_volunteer').notNull().default(false),
    /** an inactive category keeps its listings readable and takes no new ones */
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('categories_territory_slug_idx').on(t.territoryId, t.slug),
    index('categories_territory_position_idx').on(t.territoryId, t.position),
  ],
)
mayBeReferenced(categories)
