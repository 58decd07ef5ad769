import { sql } from 'drizzle-orm'
import { boolean, doublePrecision, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { frenchSearchVector } from '../../platform/db/column-types.ts'
import { idOf, mayBeReferenced } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

export const listingKinds = ['ask', 'offer'] as const
export type ListingKind = (typeof listingKinds)[number]

export const listingStatuses = ['held', 'published', 'fulfilled', 'closed', 'expired', 'removed'] as const
export type ListingStatus = (typeof listingStatuses)[number]

export const whenKinds = ['date', 'period', 'recurring', 'flexible'] as const
export type WhenKind = (typeof whenKinds)[number]

export const urgencies = ['today', 'week', 'no-rush'] as const
export type Urgency = (typeof urgencies)[number]

/**
 * An ask (« demande ») or an offer (« proposition ») of free help. The commune's coordinates are
 * copied onto the row so that distance search needs no join; the search vector is kept by the
 * database from the title and description, stemmed in French and without accents.
 */
export const listings = pgTable(
  'listings',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    kind: text('kind').$type<ListingKind>().notNull(),
    categoryId: uuid('category_id').notNull().references(idOf('categories')),
    title: text('title').notNull(),
    description: text('description').notNull(),
    communeInsee: text('commune_insee').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    whenKind: text('when_kind').$type<WhenKind>().notNull(),
    whenStart: timestamp('when_start', { withTimezone: true }),
    whenEnd: timestamp('when_end', { withTimezone: true }),
    /** « tous les mardis »: the person's own words */
    recurrence: text('recurrence'),
    urgency: text('urgency').$type<Urgency>(),
    /** for an offer: « 2 personnes par semaine » */
    capacity: text('capacity'),
    /** posted on behalf of a relative or neighbour: their first name, the link, their agreement */
    onBehalfName: text('on_behalf_name'),
    onBehalfRelation: text('on_behalf_relation'),
    onBehalfConsent: boolean('on_behalf_consent').notNull().default(false),
    /**
     * posted by the Département's phone line for someone without an account: the line's agents
     * decide on the responses, never the author's own account
     */
    relayed: boolean('relayed').notNull().default(false),
    charterVersion: text('charter_version').notNull(),
    status: text('status').$type<ListingStatus>().notNull(),
    /** why the free-help rule held it: codes such as 'price', 'payment', 'sale' */
    holdReasons: text('hold_reasons').array().notNull().default(sql`'{}'::text[]`),
    searchVector: frenchSearchVector('title', 'description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    // Only published listings are searched. fastupdate off: a GIN index otherwise keeps recent
    // entries in a pending list that every search reads through until a vacuum merges it, and
    // the embedded database runs no autovacuum.
    index('listings_search_idx')
      .using('gin', t.searchVector)
      .with({ fastupdate: false })
      .where(sql`status = 'published'`),
    // Search (search.repository.ts): the newest order walked with its tie-breaker, so a page stops
    // after `limit` rows; the nearest-first order walks communes, then a commune's listings by id;
    // the urgency order walked like the newest one.
    index('listings_newest_idx')
      .on(t.territoryId, t.publishedAt.desc().nullsLast(), t.id.desc().nullsFirst())
      .where(sql`status = 'published'`),
    index('listings_commune_idx').on(t.territoryId, t.communeInsee, t.id).where(sql`status = 'published'`),
    // Words with one category: its listings newest first, walked until the relevance window is
    // full (common words, wide circles), or those of the circle's communes (a village), read whole.
    index('listings_category_newest_idx')
      .on(t.territoryId, t.categoryId, t.publishedAt.desc().nullsLast(), t.id.desc().nullsFirst())
      .where(sql`status = 'published'`),
    index('listings_category_commune_idx')
      .on(t.territoryId, t.categoryId, t.communeInsee)
      .where(sql`status = 'published'`),
    index('listings_urgency_idx')
      .on(
        t.territoryId,
        sql`(case ${t.urgency} when 'today' then 2 when 'week' then 1 else 0 end) desc`,
        t.publishedAt.desc().nullsLast(),
        t.id.desc().nullsFirst(),
      )
      .where(sql`status = 'published'`),
    index('listings_earth_idx')
      .using('gist', sql`ll_to_earth(${t.latitude}, ${t.longitude})`)
      .where(sql`status = 'published'`),
    index('listings_author_idx').on(t.authorId, t.createdAt.desc()),
    index('listings_expiry_idx').on(t.expiresAt).where(sql`status = 'published'`),
  ],
)
mayBeReferenced(listings)
