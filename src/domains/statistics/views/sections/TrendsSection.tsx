import type { SectionProps } from '../../dashboard-data.ts'
import { shownCell, weeklyTable } from '../../dashboard-tables.ts'
import { DataTable } from '../DataTable.tsx'

/** Asks posted, answered and fulfilled, week by week (the week of their posting). */
export function TrendsSection({ ctx, data }: SectionProps) {
  const table = weeklyTable(ctx.t, data)
  // the ISO column is for spreadsheets; the page shows the French day only
  const columns = table.columns.filter((_, i) => i !== 1)
  const rows = table.rows.map((r) => r.filter((_, i) => i !== 1).map(shownCell))
  return <DataTable caption={table.title} columns={columns} rows={rows} />
}
