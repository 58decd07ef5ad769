import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HOUR_BUCKETS } from './figures.ts'
import { NO_PREVIOUS_MONTH } from './statistics.schema.ts'

/** The ids of one batch of `stat_events`: above `after`, up to `upTo`, both included in the fold. */
export interface EventRange {
  after: number
  upTo: number
}

export const ROLLUP = 'rollup'
/** A listing's later events count in the cohort of its posting, not where and when they happen. */
const COHORT_KINDS = sql`('listing.responded', 'listing.fulfilled')`
/** Kinds whose `quantity` is what is counted; the others count one per event. */
const QUANTITY_KINDS = sql`('campaign.made', 'campaign.distributed', 'mission.slot-filled')`
/** Kinds that add an outcome metric (`call.made.<outcome>`) besides their plain count. */
const OUTCOME_KINDS = sql`('call.made', 'phone-case.closed')`

async function scalar(db: DbOrTx, query: SQL): Promise<number | null> {
  const result = (await db.execute(query)) as unknown as { rows: { v: unknown }[] }
  const v = result.rows[0]?.v
  return v === null || v === undefined ? null : Number(v)
}

/**
 * The highest id no writer can still fill in below. Ids are taken when a row is inserted but
 * become visible when its transaction commits, so a fold that moved its cursor past a row still
 * being written would never see it. SHARE mode waits for the transactions writing events to end
 * (and holds new writers for that instant only): every id up to the maximum read then is final.
 */
export async function settledHighWater(db: DbOrTx, lockTimeoutMs: number): Promise<number> {
  await db.execute(sql.raw(`set local lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`))
  await db.execute(sql`lock table stat_events in share mode`)
  return (await scalar(db, sql`select max(id) as v from stat_events`)) ?? 0
}

/**
 * Locks the cursor for this transaction: a second fold waits here, then reads the cursor the
 * first one moved, so no event is folded twice.
 */
export async function lockCursor(db: DbOrTx): Promise<number> {
  await db.execute(sql`insert into stat_progress (name, last_event_id) values (${ROLLUP}, 0)
    on conflict (name) do nothing`)
  return (
    (await scalar(db, sql`select last_event_id as v from stat_progress where name = ${ROLLUP} for update`)) ??
    0
  )
}

/** The next batch of at most `batch` events after `after`: its last id and its size; null when none is left. */
export async function nextBatch(
  db: DbOrTx,
  after: number,
  highWater: number,
  batch: number,
): Promise<{ upTo: number; events: number } | null> {
  const result = (await db.execute(
    sql`select max(id) as up_to, count(*) as n from (select id from stat_events
      where id > ${after} and id <= ${highWater} order by id limit ${batch}) b`,
  )) as unknown as { rows: { up_to: unknown; n: unknown }[] }
  const row = result.rows[0]
  return row && row.up_to !== null ? { upTo: Number(row.up_to), events: Number(row.n) } : null
}

export async function moveCursor(db: DbOrTx, upTo: number, now: Date): Promise<void> {
  await db.execute(sql`update stat_progress set last_event_id = ${upTo}, updated_at = ${now.toISOString()}
    where name = ${ROLLUP}`)
}

const inRange = (r: EventRange, alias = 'e') =>
  sql`${sql.raw(alias)}.id > ${r.after} and ${sql.raw(alias)}.id <= ${r.upTo}`

/** Keeps each ask's and offer's posting (its cohort), first posting event only. */
export async function recordPostings(db: DbOrTx, r: EventRange): Promise<void> {
  await db.execute(sql`insert into stat_subjects (subject_id, territory_id, kind, posted_at, commune, category)
    select distinct on (e.subject_id) e.subject_id, e.territory_id, split_part(e.kind, '.', 1), e.occurred_at,
      coalesce(e.commune_insee, '?'), coalesce(e.category_id, '?')
    from stat_events e
    where ${inRange(r)} and e.kind in ('ask.posted', 'offer.posted') and e.subject_id is not null
    order by e.subject_id, e.id
    on conflict (subject_id) do nothing`)
}

/** Responses and fulfilments of listings whose posting was never recorded: left out, counted. */
export async function countOrphans(db: DbOrTx, r: EventRange): Promise<number> {
  return (
    (await scalar(
      db,
      sql`select count(*) as v from stat_events e where ${inRange(r)} and e.kind in ${COHORT_KINDS}
        and not exists (select 1 from stat_subjects s where s.subject_id = e.subject_id)`,
    )) ?? 0
  )
}

/** `case` over HOUR_BUCKETS, the same cuts as `responseBucket` / `fulfilBucket`. */
function bucketOf(hours: SQL, prefix: string): SQL {
  return sql.join(
    [
      sql`case`,
      ...HOUR_BUCKETS.map((b) => sql`when ${hours} <= ${sql.raw(String(b))} then ${`${prefix}.${b}`}::text`),
      sql`else ${`${prefix}.inf`}::text end`,
    ],
    sql` `,
  )
}

/**
 * Adds contributions to the 8 rollup rows each one touches (week and month × commune or '*' ×
 * category or '*') in one statement; `contributions` yields territory_id, at, commune, category,
 * metric, value, and may follow data-modifying CTEs in `withs`.
 */
function addToRollups(withs: SQL | null, contributions: SQL): SQL {
  return sql`${withs ?? sql``}
    insert into stat_rollups (territory_id, grain, period, commune, category, metric, value)
    select c.territory_id, g.grain,
      case g.grain when 'week' then date_trunc('week', c.at at time zone 'Europe/Paris')::date
        else date_trunc('month', c.at at time zone 'Europe/Paris')::date end,
      case when k.by_commune then c.commune else '*' end,
      case when k.by_category then c.category else '*' end,
      c.metric, sum(c.value)
    from (${contributions}) c
    cross join (values ('week'), ('month')) g(grain)
    cross join (values (true, true), (true, false), (false, true), (false, false)) k(by_commune, by_category)
    group by 1, 2, 3, 4, 5, 6
    on conflict (territory_id, grain, commune, category, metric, period)
      do update set value = stat_rollups.value + excluded.value`
}

/** Every metric counted at the time and place of its own event (outcomes included). */
export async function foldPlainEvents(db: DbOrTx, r: EventRange): Promise<void> {
  const where = sql`e.territory_id, e.occurred_at as at, coalesce(e.commune_insee, '?') as commune,
    coalesce(e.category_id, '?') as category`
  await db.execute(
    addToRollups(
      null,
      sql`select ${where}, e.kind as metric,
          case when e.kind in ${QUANTITY_KINDS} then e.quantity else 1 end::bigint as value
        from stat_events e where ${inRange(r)} and e.kind not in ${COHORT_KINDS}
        union all
        select ${where}, e.kind || '.' || e.outcome, 1::bigint
        from stat_events e where ${inRange(r)} and e.kind in ${OUTCOME_KINDS} and e.outcome is not null`,
    ),
  )
}

/**
 * A listing's first event of one kind (its first response, or help given): marks it on its
 * posting (once: later ones find it marked) and counts it in its posting's cohort, with the hour
 * histogram for asks, and for a first response the 24 h / 72 h shares.
 */
async function foldFirsts(
  db: DbOrTx,
  r: EventRange,
  first: {
    kind: 'listing.responded' | 'listing.fulfilled'
    column: SQL
    metric: string
    histogram: string
    shares: boolean
  },
): Promise<void> {
  const cohort = sql`territory_id, posted_at as at, commune, category`
  const shares = first.shares
    ? sql`union all select ${cohort}, 'ask.answered-24h', 1 from done where kind = 'ask' and hours <= 24
        union all select ${cohort}, 'ask.answered-72h', 1 from done where kind = 'ask' and hours <= 72`
    : sql``
  await db.execute(
    addToRollups(
      sql`with firsts as (
          select e.subject_id, min(e.occurred_at) as at from stat_events e
          where ${inRange(r)} and e.kind = ${first.kind} group by e.subject_id
        ), done as (
          update stat_subjects s set ${first.column} = f.at from firsts f
          where s.subject_id = f.subject_id and s.${first.column} is null
          returning s.territory_id, s.kind, s.posted_at, s.commune, s.category,
            greatest(0, extract(epoch from f.at - s.posted_at) / 3600) as hours
        )`,
      sql`select ${cohort}, kind || ${`.${first.metric}`} as metric, 1::bigint as value from done
        ${shares}
        union all select ${cohort}, ${bucketOf(sql`hours`, first.histogram)}, 1 from done where kind = 'ask'`,
    ),
  )
}

/** First responses: the listing is answered. */
export const foldFirstResponses = (db: DbOrTx, r: EventRange) =>
  foldFirsts(db, r, {
    kind: 'listing.responded',
    column: sql.raw('first_response_at'),
    metric: 'answered',
    histogram: 'ask.response-h',
    shares: true,
  })

/** Help given: once per listing. */
export const foldFulfilments = (db: DbOrTx, r: EventRange) =>
  foldFirsts(db, r, {
    kind: 'listing.fulfilled',
    column: sql.raw('fulfilled_at'),
    metric: 'fulfilled',
    histogram: 'ask.fulfil-h',
    shares: false,
  })

/**
 * Volunteers active in the month of their event. A response or a help given names no place of
 * its own: it counts where its listing is, and not at all when its listing's posting is missing.
 *
 * Each month new to a volunteer in a cell also moves `stat_volunteer_months`: the new month counts
 * with its previous active month, and the volunteer's next month, which used to follow an older
 * one, now follows it. The statement reads `stat_actors` as it was before its own insert, and only
 * the two neighbours of each new month: a volunteer's older months do not change.
 */
export async function foldActors(db: DbOrTx, r: EventRange): Promise<void> {
  await db.execute(sql`with fresh as (
      insert into stat_actors (territory_id, month, commune, category, actor_key)
      select distinct e.territory_id, date_trunc('month', e.occurred_at at time zone 'Europe/Paris')::date,
        case when k.by_commune then coalesce(e.commune_insee, s.commune, '?') else '*' end,
        case when k.by_category then coalesce(e.category_id, s.category, '?') else '*' end,
        e.actor_key
      from stat_events e
      left join stat_subjects s on s.subject_id = e.subject_id and e.kind in ${COHORT_KINDS}
      cross join (values (true, true), (true, false), (false, true), (false, false)) k(by_commune, by_category)
      where ${inRange(r)} and e.actor_key is not null
        and (s.subject_id is not null or e.kind not in ${COHORT_KINDS})
      on conflict do nothing
      returning territory_id, commune, category, actor_key, month
    ),
    neighbours as (
      select territory_id, commune, category, actor_key, month, is_new, bool_or(is_next) as is_next
      from (
        select f.territory_id, f.commune, f.category, f.actor_key, f.month, true as is_new, false as is_next
        from fresh f
        union all
        select f.territory_id, f.commune, f.category, f.actor_key, n.month, false, n.is_next
        from fresh f
        cross join lateral (
          (select a.month, false as is_next from stat_actors a
            where a.territory_id = f.territory_id and a.commune = f.commune and a.category = f.category
              and a.actor_key = f.actor_key and a.month < f.month
            order by a.month desc limit 1)
          union all
          (select a.month, true from stat_actors a
            where a.territory_id = f.territory_id and a.commune = f.commune and a.category = f.category
              and a.actor_key = f.actor_key and a.month > f.month
            order by a.month limit 1)
        ) n
      ) all_rows
      group by territory_id, commune, category, actor_key, month, is_new
    ),
    linked as (
      select territory_id, commune, category, month, is_new, is_next,
        coalesce(lag(month) over w, ${NO_PREVIOUS_MONTH}::date) as now_previous,
        coalesce(max(case when not is_new then month end) over (w rows between unbounded preceding and 1 preceding),
          ${NO_PREVIOUS_MONTH}::date) as old_previous
      from neighbours
      window w as (partition by territory_id, commune, category, actor_key order by month)
    ),
    moves as (
      select territory_id, commune, category, month, now_previous as previous, 1 as delta
      from linked where is_new or is_next
      union all
      select territory_id, commune, category, month, old_previous, -1
      from linked where is_next and not is_new
    )
    insert into stat_volunteer_months (territory_id, commune, category, month, previous, volunteers)
    select territory_id, commune, category, month, previous, sum(delta)
    from moves group by territory_id, commune, category, month, previous
    having sum(delta) <> 0
    on conflict (territory_id, commune, category, month, previous)
      do update set volunteers = stat_volunteer_months.volunteers + excluded.volunteers`)
}

const ANALYZED = 'rollup.analyzed'

/**
 * Does what autovacuum would when the rollups have doubled since the last time. The embedded
 * database runs no autovacuum: without statistics the planner took the by-category index for a
 * read that names the commune too, and read forty rows for each one it kept; without the
 * visibility map, the breakdowns' covering indexes send every read to the table as well. A
 * doubling comes a few times in a territory's life, so the pass over the tables is rare.
 */
export async function analyzeWhenGrown(db: DbOrTx, cursor: number): Promise<boolean> {
  const last =
    (await scalar(db, sql`select last_event_id as v from stat_progress where name = ${ANALYZED}`)) ?? 0
  if (cursor < Math.max(1_000, 2 * last)) return false
  await db.execute(sql`vacuum analyze stat_rollups, stat_actors, stat_volunteer_months, stat_subjects`)
  await db.execute(sql`insert into stat_progress (name, last_event_id) values (${ANALYZED}, ${cursor})
    on conflict (name) do update set last_event_id = excluded.last_event_id, updated_at = now()`)
  return true
}
