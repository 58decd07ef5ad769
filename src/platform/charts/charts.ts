/**
 * The bilan's charts, drawn on the server as SVG: synchronous and pure (data in, markup out), with
 * no script, no inline style and no external reference, so that a page showing them keeps its CSP
 * and works without JavaScript. Every label is escaped; a chart with nothing to draw says so.
 * `ChartFigure` (platform/views) puts one in a figure with the same data as a table.
 */
import { renderBarChart } from './bar-chart.ts'
import type { ChartText, TimePoint } from './chart-types.ts'
import { renderCommuneMap } from './commune-map.ts'
import { renderTimeChart } from './time-chart.ts'

export type { ChartText, TimePoint }

/** Lines over time, one per series with a legend in words; bars when there is one series. */
export function timeChart(
  o: ChartText & { series: { label: string; points: TimePoint[] }[]; yLabel: string },
): string {
  return renderTimeChart(o)
}

/** Horizontal bars, largest first, labels at the left (categories, outcomes). */
export function barChart(
  o: ChartText & { bars: { label: string; value: number }[]; xLabel: string },
): string {
  return renderBarChart(o)
}

/**
 * Proportional symbols on the communes' points (lon/lat), the territory's communes as faint dots
 * behind.
 */
export function communeMap(
  o: ChartText & {
    points: { name: string; lon: number; lat: number; value: number }[]
    outline: { lon: number; lat: number }[]
    /** no legend value below it: a public map's smallest shown count */
    legendFloor?: number
  },
): string {
  return renderCommuneMap(o)
}
