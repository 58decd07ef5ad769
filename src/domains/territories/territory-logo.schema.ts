import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { bytea } from '../../platform/db/column-types.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/**
 * The territory's logo as the platform re-encoded it (WebP, bounded size), like an organisation's:
 * the uploaded bytes are never kept nor served. `etag` is a hash of the stored bytes.
 */
export const territoryLogos = pgTable('territory_logos', {
  territoryId: uuid('territory_id')
    .primaryKey()
    .references(() => territories.id, { onDelete: 'cascade' }),
  image: bytea('image').notNull(),
  mediaType: text('media_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  etag: text('etag').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})
