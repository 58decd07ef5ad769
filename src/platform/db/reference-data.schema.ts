import { sql } from 'drizzle-orm'
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** Which version of each shipped data file is loaded, so a start reloads it only when it changed. */
export const referenceData = pgTable('reference_data', {
  name: text('name').primaryKey(),
  checksum: text('checksum').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().default(sql`now()`),
})
