import { doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core'

/** National reference data: communes belong to no territory; territories select them by département. */
export const communes = pgTable(
  'communes',
  {
    insee: text('insee').primaryKey(),
    name: text('name').notNull(),
    /** lower case, no accents, hyphens and apostrophes as spaces: what people type */
    searchName: text('search_name').notNull(),
    postalCodes: text('postal_codes').array().notNull(),
    departement: text('departement').notNull(),
    population: integer('population').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
  },
  (t) => [
    index('communes_departement_idx').on(t.departement, t.searchName),
    index('communes_search_trgm_idx').using('gin', t.searchName.op('gin_trgm_ops')),
    index('communes_postal_codes_idx').using('gin', t.postalCodes),
  ],
)
