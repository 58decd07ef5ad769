import { sql } from 'drizzle-orm'
import { bigint, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * The bilan's figures, kept up to date by the rollup job from `stat_events` and never computed
 * from personal rows: when a person's rows are purged, the figures stay. Each event adds to the
 * rows of every combination the pages read, so a page reads a few hundred rows whatever the size
 * of the territory: per `grain` (week, month) and per pair of (commune or '*', category or '*').
 * '?' stands for an unknown commune or no category.
 */
export const statRollups = pgTable(
  'stat_rollups',
  {
    territoryId: uuid('territory_id').notNull(),
    grain: text('grain').$type<'week' | 'month'>().notNull(),
    /** the Monday of the week, or the first of the month, in Europe/Paris */
    period: date('period', { mode: 'string' }).notNull(),
    commune: text('commune').notNull(),
    category: text('category').notNull(),
    /** see `metrics` in figures.ts */
    metric: text('metric').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.territoryId, t.grain, t.commune, t.category, t.metric, t.period] }),
    // The breakdown by commune reads every commune of one category (or '*') for a range of
    // periods: tens of thousands of rows scattered over the table, read from this index alone.
    index('stat_rollups_by_category_idx').on(
      t.territoryId,
      t.grain,
      t.category,
      t.metric,
      t.period,
      t.commune,
      t.value,
    ),
  ],
)

/**
 * Who was active each month, as one-way keys, per commune and category and for '*'. Pages never
 * read it: the fold reads a volunteer's months before and after a new one, to keep
 * `stat_volunteer_months`.
 */
export const statActors = pgTable(
  'stat_actors',
  {
    territoryId: uuid('territory_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    commune: text('commune').notNull(),
    category: text('category').notNull(),
    actorKey: text('actor_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.commune, t.category, t.actorKey, t.month] })],
)

/** `previous` of a volunteer's first active month in a cell. */
export const NO_PREVIOUS_MONTH = '1900-01-01'

/**
 * Distinct volunteers over any range of months, without reading one row per volunteer: how many
 * were active in `month` whose previous active month (in the same commune and category) was
 * `previous`. A volunteer counts in a range [a, b] once, at their first month in it, which is the
 * month whose previous one lies before a; so the count over [a, b] is the sum of `volunteers` for
 * months in [a, b] with `previous` < a. The rows read grow with communes × months², never with
 * the number of volunteers or listings.
 */
export const statVolunteerMonths = pgTable(
  'stat_volunteer_months',
  {
    territoryId: uuid('territory_id').notNull(),
    commune: text('commune').notNull(),
    category: text('category').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    previous: date('previous', { mode: 'string' }).notNull(),
    volunteers: bigint('volunteers', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.territoryId, t.commune, t.category, t.month, t.previous] }),
    // every commune of one category (or '*') for a range of months, from the index alone
    index('stat_volunteer_months_by_category_idx').on(
      t.territoryId,
      t.category,
      t.month,
      t.commune,
      t.previous,
      t.volunteers,
    ),
  ],
)

/**
 * An ask's or an offer's first event, so its later ones (answered, fulfilled) count in the
 * cohort of its posting: its period, commune and category, and once each.
 */
export const statSubjects = pgTable(
  'stat_subjects',
  {
    subjectId: uuid('subject_id').primaryKey(),
    territoryId: uuid('territory_id').notNull(),
    /** 'ask' or 'offer' */
    kind: text('kind').notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
    commune: text('commune').notNull(),
    category: text('category').notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
  },
  (t) => [index('stat_subjects_territory_idx').on(t.territoryId, t.postedAt)],
)

/** How far the rollups have read `stat_events` (one row, name 'rollup'), and which catch-ups ran. */
export const statProgress = pgTable('stat_progress', {
  name: text('name').primaryKey(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
})
