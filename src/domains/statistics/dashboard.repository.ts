import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { firstMonthInRange, monthBounds } from './figures.repository.ts'
import type { MonthRange } from './figures.ts'

/**
 * The first month the territory has figures for ('YYYY-MM'), or null: where the period's selects
 * and « Depuis le début » start. Reads the territory's whole-territory rows only (a few per month).
 */
export async function firstFiguresMonth(db: DbOrTx, territoryId: string): Promise<string | null> {
  const result = (await db.execute(
    sql`select to_char(min(period), 'YYYY-MM') as first from stat_rollups
      where territory_id = ${territoryId} and grain = 'month' and commune = '*' and category = '*'`,
  )) as unknown as { rows: { first: string | null }[] }
  return result.rows[0]?.first ?? null
}

/**
 * Distinct active volunteers of the whole territory (one category, or all) over a range: the total
 * the communes' small counts are kept apart from, whatever commune the page is filtered on.
 */
export async function territoryActiveVolunteers(
  db: DbOrTx,
  territoryId: string,
  months: MonthRange,
  category: string,
): Promise<number> {
  const { from, to } = monthBounds(months)
  const result = (await db.execute(
    sql`select coalesce(sum(volunteers), 0)::bigint as n from stat_volunteer_months
      where territory_id = ${territoryId} and commune = '*' and category = ${category}
        and ${firstMonthInRange(from, to)}`,
  )) as unknown as { rows: { n: string | number }[] }
  return Number(result.rows[0]?.n ?? 0)
}
