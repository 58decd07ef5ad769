import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'
import type { ListingKind, Urgency } from './listing.schema.ts'

export const alertFrequencies = ['immediate', 'daily'] as const
export type AlertFrequency = (typeof alertFrequencies)[number]

/** « Prévenez-moi des nouvelles demandes d'aide informatique à moins de 10 km de Lisieux ». */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(idOf('accounts'), { onDelete: 'cascade' }),
    kind: text('kind').$type<ListingKind>(),
    categoryIds: uuid('category_ids').array().notNull(),
    words: text('words'),
    communeInsee: text('commune_insee'),
    radiusKm: integer('radius_km'),
    urgency: text('urgency').$type<Urgency>(),
    frequency: text('frequency').$type<AlertFrequency>().notNull(),
    /** one-click unsubscribe from the email, without signing in: only its hash is kept */
    unsubscribeTokenHash: text('unsubscribe_token_hash').notNull().unique(),
    lastNotifiedAt: timestamp('last_notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('saved_searches_territory_idx').on(t.territoryId, t.frequency),
    index('saved_searches_account_idx').on(t.accountId),
  ],
)
