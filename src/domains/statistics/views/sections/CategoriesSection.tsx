import type { SectionProps } from '../../dashboard-data.ts'
import { categoryTable, shownCell, shownShare } from '../../dashboard-tables.ts'
import { DataTable } from '../DataTable.tsx'

/** Asks by category: posted, answered, the share answered, fulfilled. */
export function CategoriesSection({ ctx, data }: SectionProps) {
  const table = categoryTable(ctx.t, data)
  const rows = table.rows.map((r) => r.map((cell, i) => (i === 3 ? shownShare(cell) : shownCell(cell))))
  return <DataTable caption={table.title} columns={table.columns} rows={rows} />
}
