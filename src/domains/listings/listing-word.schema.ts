import { sql } from 'drizzle-orm'
import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
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
