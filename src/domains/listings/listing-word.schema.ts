import { sql } from 'drizzle-orm'
import {
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { tsvector } from '../../platform/db/column-types.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

/**
 * The words of the territory's published listings (unaccented, lower case, 4 to 30 letters): a
 * misspelt search word is corrected against them (« ordinatuer » → « ordinateur »), then searched
 * like any word. Comparing a word with a few thousand words, by a trigram index, is what makes
 * misspellings cheap; comparing it with every listing's title was not. Written by triggers on
 * listings (migration 0009), so every way a listing gets published feeds it. Words whose listings
 * have all ended are never offered as corrections, and a daily job removes them.
 */
export const listingWords = pgTable(
  'listing_words',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    word: text('word').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.territoryId, t.word] }),
    // The words that share most of a misspelt word's trigrams (`<%`), straight from the index.
    index('listing_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
  ],
)

/**
 * How many published listings of the territory have each lexeme of their search vector (French
 * stem, unaccented): a search learns whether its words match none, few or many listings from a
 * few rows of this table instead of counting listings. Kept exact by the same triggers as
 * listing_words (migration 0012), which add and subtract as listings are published, edited,
 * unpublished or deleted; a lexeme down to zero stays until the daily prune removes it.
 */
export const listingLexemes = pgTable(
  'listing_lexemes',
  {
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    lexeme: text('lexeme').notNull(),
    listings: integer('listings').notNull(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.lexeme] })],
)

/**
 * The search vector of each published listing with the columns a search by words filters on, and
 * nothing else: about 27 rows a page where the listings table holds 16, and written when a listing
 * is published, so in publication order. Relevance walks it newest first: the rows it reads lie
 * together on a few pages instead of one page each, and ranking reads no listing but the page's.
 * Kept by the triggers that keep listing_words (migration 0012), in the statement that changes
 * the listing.
 */
export const listingVectors = pgTable(
  'listing_vectors',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id').notNull(),
    kind: text('kind').notNull(),
    categoryId: uuid('category_id').notNull(),
    communeInsee: text('commune_insee').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    urgency: text('urgency'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    searchVector: tsvector('search_vector').notNull(),
  },
  (t) => [
    index('listing_vectors_newest_idx').on(
      t.territoryId,
      t.publishedAt.desc().nullsLast(),
      t.id.desc().nullsFirst(),
    ),
    index('listing_vectors_category_newest_idx').on(
      t.territoryId,
      t.categoryId,
      t.publishedAt.desc().nullsLast(),
      t.id.desc().nullsFirst(),
    ),
    index('listing_vectors_commune_idx').on(t.territoryId, t.communeInsee),
    index('listing_vectors_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
  ],
)
