import { sql } from 'drizzle-orm'
import { customType } from 'drizzle-orm/pg-core'

/** PostgreSQL types Drizzle has no builder for. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })

/**
 * The search vector the database keeps from two text columns, stemmed in French and without
 * accents, the first (a title, a name) weighing more than the second: what every searchable
 * table of the platform ranks by.
 */
export const frenchSearchVector = (heading: string, body: string) =>
  tsvector('search_vector')
    .notNull()
    .generatedAlwaysAs(
      sql.raw(
        `setweight(to_tsvector('french_unaccent', coalesce(${heading}, '')), 'A') || setweight(to_tsvector('french_unaccent', coalesce(${body}, '')), 'B')`,
      ),
    )
