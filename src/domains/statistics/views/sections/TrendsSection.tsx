import { timeChart } from '../../../../platform/charts/charts.ts'
import { ChartFigure } from '../../../../platform/views/ChartFigure.tsx'
import type { SectionProps } from '../../dashboard-data.ts'
import { isDay, shownCell, TREND_METRICS, weeklyTable } from '../../dashboard-tables.ts'

/** Asks posted, answered and fulfilled, week by week (answers in the week of the ask's posting). */
export function TrendsSection({ ctx, data }: SectionProps) {
  const { t } = ctx
  const table = weeklyTable(t, data)
  const days = table.rows.map((r) => (isDay(r[0] ?? null) ? (r[0] as { day: string }).day : ''))
  const series = TREND_METRICS.map((_, i) => ({
    label: table.columns[i + 2] ?? '',
    points: table.rows.map((r, w) => ({ date: days[w] ?? '', value: Number(r[i + 2] ?? 0) })),
  }))
  const description = t('dashboard.chart.trends')
  // the ISO column is for spreadsheets; the page shows the French day only
  const without = <T,>(list: T[]) => list.filter((_, i) => i !== 1)
  return (
    <ChartFigure
      id="graphique-tendances"
      title={table.title}
      description={description}
      svg={timeChart({ title: table.title, description, series, yLabel: t('dashboard.chart.asks') })}
      table={{ columns: without(table.columns), rows: table.rows.map((r) => without(r).map(shownCell)) }}
    />
  )
}
