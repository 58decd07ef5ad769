import { barChart } from '../../../../platform/charts/charts.ts'
import { ChartFigure } from '../../../../platform/views/ChartFigure.tsx'
import type { SectionProps } from '../../dashboard-data.ts'
import { categoryTable, shownCell, shownShare } from '../../dashboard-tables.ts'

/** Asks by category: posted (the bars), answered, the share answered, fulfilled. */
export function CategoriesSection({ ctx, data }: SectionProps) {
  const { t } = ctx
  const table = categoryTable(t, data)
  const description = t('dashboard.chart.categories')
  const bars = table.rows.map((r) => ({ label: String(r[0]), value: Number(r[1] ?? 0) }))
  return (
    <ChartFigure
      id="graphique-categories"
      title={table.title}
      description={description}
      svg={barChart({ title: table.title, description, bars, xLabel: t('dashboard.col.asksPosted') })}
      table={{
        columns: table.columns,
        rows: table.rows.map((r) => r.map((cell, i) => (i === 3 ? shownShare(cell) : shownCell(cell)))),
      }}
    />
  )
}
