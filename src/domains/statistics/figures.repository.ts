import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { BilanFigures, BilanFilter, MonthRange } from './figures.ts'

/**
 * The metrics the weekly trend and the breakdowns by category and by commune show: asks posted,
 * answered and fulfilled. The sections' totals read every metric, a month at a time; these three
 * are all the finer reads need, and reading only them keeps the breakdown by commune to a few
 * thousand index entries.
 */
export const BREAKDOWN_METRICS = ['ask.posted', 'ask.answered', 'ask.fulfilled'] as const
const breakdown = sql`metric in (${sql.join(
  BREAKDOWN_METRICS.map((m) => sql`${m}`),
  sql`, `,
)})`

/**
 * Everything the dashboard and the public bilan show for a filter, read from the rollups by
 * index in a handful of statements: every statement names one (commune, category) pair or one
 * side of it, so the rows read depend on the range and the number of communes, never on how many
 * listings exist.
 */
export async function readFigures(db: DbOrTx, filter: BilanFilter): Promise<BilanFigures> {
  const { from, to, toEnd } = monthBounds(filter.months)
  const commune = filter.commune ?? '*'
  const category = filter.category ?? '*'
  const t = filter.territoryId
  // Independent statements, sent together: on a server each takes its own connection of the
  // pool, and the page waits for the slowest rather than for their sum (`db` may be a transaction:
  // they then queue on its connection, as before).
  const [monthRows, weekRows, categoryRows, communeRows, [active], activeByCommune, [progress]] =
    await Promise.all([
      rows(
        db,
        sql`select metric, to_char(period, 'YYYY-MM') as p, sum(value)::bigint as v from stat_rollups
        where territory_id = ${t} and grain = 'month' and commune = ${commune} and category = ${category}
          and period between ${from} and ${to}
        group by metric, period`,
      ),
      rows(
        db,
        sql`select metric, to_char(period, 'YYYY-MM-DD') as p, sum(value)::bigint as v from stat_rollups
        where territory_id = ${t} and grain = 'week' and commune = ${commune} and category = ${category}
          and ${breakdown} and period between ${from} and ${toEnd}
        group by metric, period`,
      ),
      rows(
        db,
        sql`select metric, category as p, sum(value)::bigint as v from stat_rollups
        where territory_id = ${t} and grain = 'month' and commune = ${commune} and category <> '*'
          and ${breakdown} and period between ${from} and ${to}
        group by metric, category`,
      ),
      rows(
        db,
        sql`select metric, commune as p, sum(value)::bigint as v from stat_rollups
        where territory_id = ${t} and grain = 'month' and category = ${category} and commune <> '*'
          and ${breakdown} and period between ${from} and ${to}
        group by metric, commune`,
      ),
      rows(
        db,
        sql`select '' as metric, '' as p, coalesce(sum(volunteers), 0)::bigint as v from stat_volunteer_months
        where territory_id = ${t} and commune = ${commune} and category = ${category}
          and ${firstMonthInRange(from, to)}`,
      ),
      rows(
        db,
        sql`select '' as metric, commune as p, sum(volunteers)::bigint as v from stat_volunteer_months
        where territory_id = ${t} and category = ${category} and commune <> '*'
          and ${firstMonthInRange(from, to)}
        group by commune`,
      ),
      rows(
        db,
        sql`select '' as metric, updated_at::text as p, last_event_id as v from stat_progress where name = 'rollup'`,
      ),
    ])
  const totals = new Map<string, number>()
  for (const r of monthRows) totals.set(r.metric, (totals.get(r.metric) ?? 0) + r.v)
  return {
    totals,
    weekly: nest(weekRows),
    monthly: nest(monthRows),
    byCategory: nest(categoryRows),
    byCommune: nest(communeRows),
    activeVolunteers: active?.v ?? 0,
    activeVolunteersByCommune: new Map(activeByCommune.map((r) => [r.p, r.v])),
    asOf: progress && progress.v > 0 ? new Date(progress.p) : null,
  }
}

/**
 * The rows of `stat_volunteer_months` where a volunteer active between `from` and `to` (first days
 * of months) is counted once: at their first active month in the range, the one whose previous
 * active month lies before it.
 */
export function firstMonthInRange(from: string, to: string): SQL {
  return sql`month between ${from} and ${to} and previous < ${from}`
}

/** First day of the first month, first day of the last month, and last day of the last month. */
export function monthBounds(range: MonthRange): { from: string; to: string; toEnd: string } {
  const [y, m] = range.to.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return {
    from: `${range.from}-01`,
    to: `${range.to}-01`,
    toEnd: `${range.to}-${String(last).padStart(2, '0')}`,
  }
}

interface Row {
  metric: string
  p: string
  v: number
}

async function rows(db: DbOrTx, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }
  return result.rows.map((r) => ({ metric: String(r.metric), p: String(r.p), v: Number(r.v) }))
}

function nest(list: Row[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>()
  for (const r of list) {
    const inner = out.get(r.metric) ?? new Map<string, number>()
    out.set(r.metric, inner)
    inner.set(r.p, (inner.get(r.p) ?? 0) + r.v)
  }
  return out
}
