import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { territories } from '../tenancy/territory.schema.ts'
import type { StatKind } from './stat-kinds.ts'

/**
 * What happened, for the bilan, without who: each domain appends a row in the transaction of the
 * change it counts (`recordStat`), and the statistics domain folds new rows into its rollups in
 * order of `id`. A row names no person: `actor_key` is a one-way key that lets the bilan count
 * distinct volunteers, and nothing in the row points to a personal row that could be purged.
 */
export const statEvents = pgTable(
  'stat_events',
  {
    /** the rollups' cursor: rows are folded in this order, once each */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<StatKind>().notNull(),
    /** the listing, mission, need, campaign, call or case the event is about; links its later events to its first */
    subjectId: uuid('subject_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** where, at commune level only; null when the thing has no commune */
    communeInsee: text('commune_insee'),
    /** the territory's category id, as text; null when the thing has no category */
    categoryId: text('category_id'),
    /** `actorKey(territoryId, accountId)`: distinct volunteers without naming them */
    actorKey: text('actor_key'),
    /** units made, distributed, slots filled; 1 for a plain count */
    quantity: integer('quantity').notNull().default(1),
    /** a call's or a case's outcome code */
    outcome: text('outcome'),
    /** once-only events (a listing posted, an organisation verified) carry a key; a second write does nothing */
    dedupeKey: text('dedupe_key'),
  },
  (t) => [
    uniqueIndex('stat_events_dedupe_idx').on(t.dedupeKey),
    index('stat_events_subject_idx').on(t.subjectId, t.kind),
  ],
)
