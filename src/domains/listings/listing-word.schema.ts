import { sql } from 'drizzle-orm'
import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
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
