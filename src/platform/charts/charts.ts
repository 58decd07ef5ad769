/**
 * The bilan's charts, drawn on the server as SVG: synchronous and pure (data in, markup out), with
 * no script, no inline style and no external reference, so that a page showing them keeps its CSP
 * and works without JavaScript. Every label is escaped; a chart with nothing to draw says so.
 * `ChartFigure` (platform/views) puts one in a figure with the same data as a table.
 */
import type { ChartText, TimePoint } from './chart-types.ts'

export type { ChartText, TimePoint }

type Drawing = typeof import('./drawing.ts')
let drawing: Drawing | undefined

/**
 * Loads the chart library and the DOM it draws in (about 50 MB and a fifth of a second at start),
 * at the first page that shows a chart rather than at every start: most processes never draw one.
 * A route awaits it before rendering; the functions below stay synchronous for the views.
 */
export async function loadCharts(): Promise<void> {
  drawing ??= await import('./drawing.ts')
}

function loaded(): Drawing {
  if (!drawing) throw new Error('the charts are not loaded: await loadCharts() before rendering the page')
  return drawing
}

/** Lines over time, one per series with a legend in words; bars when there is one series. */
export function timeChart(
  o: ChartText & { series: { label: string; points: TimePoint[] }[]; yLabel: string },
): string {
  return loaded().renderTimeChart(o)
}

/** Horizontal bars, largest first, labels at the left (categories, outcomes). */
export function barChart(
  o: ChartText & { bars: { label: string; value: number }[]; xLabel: string },
): string {
  return loaded().renderBarChart(o)
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
  return loaded().renderCommuneMap(o)
}
