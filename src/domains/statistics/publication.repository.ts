import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { firstMonthInRange, monthBounds } from './figures.repository.ts'
import type { MonthRange } from './figures.ts'
import { ALL, type MonthlyCell, type PublishedMetric } from './publication.ts'

/** The rollup metrics each additive published figure adds up: asks and offers together. */
const SOURCES: Record<Exclude<PublishedMetric, 'volunteers'>, string[]> = {
  posted: ['ask.posted', 'offer.posted'],
  answered: ['ask.answered', 'offer.answered'],
  fulfilled: ['ask.fulfilled', 'offer.fulfilled'],
}
const METRIC_OF = new Map(
  Object.entries(SOURCES).flatMap(([published, list]) => list.map((m) => [m, published as PublishedMetric])),
)

/**
 * The first month the territory has any figure for ('YYYY-MM'), or null: read on the rollups'
 * key, on the territory's rows for all communes and categories only.
 */
export async function firstMonth(db: DbOrTx, territoryId: string): Promise<string | null> {
  const [row] = await rowsOf(
    db,
    sql`select to_char(min(period), 'YYYY-MM') as m from stat_rollups
      where territory_id = ${territoryId} and grain = 'month' and commune = '*' and category = '*'`,
  )
  return row?.m ? String(row.m) : null
}

/**
 * The published figures of `months` per month × (commune, category), (commune, '*'),
 * ('*', category) and ('*', '*'), and the same over the whole period (month '*'), in three
 * reads: the month rollups of the six metrics, the month's distinct volunteers, and the whole
 * period's distinct volunteers for the totals (both from `stat_volunteer_months`).
 */
export async function readMonthlyCells(
  db: DbOrTx,
  territoryId: string,
  months: MonthRange,
): Promise<MonthlyCell[]> {
  const { from, to } = monthBounds(months)
  const cells = new Map<string, MonthlyCell>()
  const cell = (month: string, commune: string, category: string): MonthlyCell => {
    const key = `${month}|${commune}|${category}`
    let found = cells.get(key)
    if (!found) {
      found = { month, commune, category, values: { posted: 0, answered: 0, fulfilled: 0, volunteers: 0 } }
      cells.set(key, found)
    }
    return found
  }
  const rollups = await rowsOf(
    db,
    sql`select to_char(period, 'YYYY-MM') as m, commune, category, metric, value from stat_rollups
      where territory_id = ${territoryId} and grain = 'month' and period between ${from} and ${to}
        and metric in (${sql.join(
          [...METRIC_OF.keys()].map((m) => sql`${m}`),
          sql`, `,
        )})`,
  )
  for (const r of rollups) {
    const metric = METRIC_OF.get(String(r.metric))!
    const value = Number(r.value)
    const [month, commune, category] = [String(r.m), String(r.commune), String(r.category)]
    cell(month, commune, category).values[metric] += value
    // The whole period's additive totals, for the combinations the pages show.
    if (commune === ALL || category === ALL) cell(ALL, commune, category).values[metric] += value
  }
  const monthlyActors = await rowsOf(
    db,
    sql`select to_char(month, 'YYYY-MM') as m, commune, category, sum(volunteers)::bigint as v
      from stat_volunteer_months
      where territory_id = ${territoryId} and month between ${from} and ${to}
      group by month, commune, category`,
  )
  for (const r of monthlyActors)
    cell(String(r.m), String(r.commune), String(r.category)).values.volunteers = Number(r.v)
  const periodActors = await rowsOf(
    db,
    sql`select commune, category, sum(volunteers)::bigint as v from stat_volunteer_months
      where territory_id = ${territoryId} and ${firstMonthInRange(from, to)}
        and (commune = '*' or category = '*')
      group by commune, category`,
  )
  for (const r of periodActors)
    cell(ALL, String(r.commune), String(r.category)).values.volunteers = Number(r.v)
  return [...cells.values()]
}

/** How far the rollups have read the events: the publication changes only when this does. */
export async function rollupCursor(db: DbOrTx): Promise<number> {
  const [row] = await rowsOf(db, sql`select last_event_id as v from stat_progress where name = 'rollup'`)
  return row ? Number(row.v) : 0
}

async function rowsOf(db: DbOrTx, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows
}
