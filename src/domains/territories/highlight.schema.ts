import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/**
 * What staff put forward on the territory's home page in a crisis: a supply campaign, the local
 * producers' directory. One at a time; the domain that owns the page sets and clears it through
 * the territories' entry, so the home page needs to know none of them.
 */
export const homeHighlights = pgTable('home_highlights', {
  territoryId: uuid('territory_id')
    .primaryKey()
    .references(() => territories.id, { onDelete: 'cascade' }),
  /** who set it, to clear it when its subject closes: « campaign:<id> », « producers » */
  source: text('source').notNull(),
  title: text('title').notNull(),
  /** one or two sentences under the title */
  text: text('text').notNull(),
  /** a path on the territory's own site, never an outside address */
  href: text('href').notNull(),
  setBy: uuid('set_by').references(idOf('accounts'), { onDelete: 'set null' }),
  setAt: timestamp('set_at', { withTimezone: true }).notNull(),
})
