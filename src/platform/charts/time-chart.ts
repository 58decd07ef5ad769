import * as Plot from '@observablehq/plot'
import type { ChartText, TimePoint } from './chart-types.ts'
import {
  frNumber,
  grainOf,
  nextPeriod,
  parseDay,
  periodTick,
  periodWords,
  textWidth,
  thin,
} from './format.ts'
import { BAR, seriesStyle } from './palette.ts'
import { clean, document, el, emptyChart, finish, type SvgElement, shorten } from './svg-document.ts'

interface Row {
  series: number
  label: string
  date: Date
  end: Date
  value: number
}

const WIDTH = 640
const HEIGHT = 320
const LEGEND_ROW = 20

export function renderTimeChart(
  o: ChartText & { series: { label: string; points: TimePoint[] }[]; yLabel: string },
): string {
  const rows: Row[] = o.series.flatMap((s, series) =>
    s.points.flatMap((p) => {
      const date = parseDay(p.date)
      return date && Number.isFinite(p.value)
        ? [{ series, label: s.label, date, end: date, value: p.value }]
        : []
    }),
  )
  if (!rows.length) return emptyChart(o)
  const grain = grainOf(rows.map((r) => r.date))
  for (const r of rows) r.end = nextPeriod(r.date, grain)
  const days = [...new Set(rows.map((r) => r.date.getTime()))].sort((a, b) => a - b).map((t) => new Date(t))
  const ticks = thin(days, grain === 'month' ? 12 : 7)
  const max = Math.max(0, ...rows.map((r) => r.value))
  const min = Math.min(0, ...rows.map((r) => r.value))
  const asBars = o.series.length === 1
  const legend = asBars ? 0 : o.series.length
  const marginLeft = Math.max(40, textWidth(frNumber(max)) + 14, textWidth(frNumber(min)) + 14)
  const [first, last] = [days[0], days.at(-1)]
  if (!first || !last) return emptyChart(o)
  const tip = (r: Row) =>
    `${asBars ? '' : `${clean(r.label)}, `}${periodWords(r.date, grain)} : ${frNumber(r.value)}`

  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: '#6b6b6b' })]
  if (asBars) {
    marks.push(Plot.rectY(rows, { x1: 'date', x2: 'end', y: 'value', fill: BAR, inset: 1, title: tip }))
  } else {
    // Each series at the middle of its period, so that lines and bars of other charts align.
    const middle = (r: Row) => new Date((r.date.getTime() + r.end.getTime()) / 2)
    o.series.forEach((_, i) => {
      const own = rows.filter((r) => r.series === i).sort((a, b) => a.date.getTime() - b.date.getTime())
      const style = seriesStyle(i)
      marks.push(
        Plot.line(own, {
          x: middle,
          y: 'value',
          stroke: style.colour,
          strokeWidth: 2,
          strokeDasharray: style.dash === 'none' ? undefined : style.dash,
        }),
        Plot.dot(own, {
          x: middle,
          y: 'value',
          symbol: style.symbol,
          fill: style.colour,
          r: 3.5,
          title: tip,
        }),
      )
    })
  }
  const svg = Plot.plot({
    document,
    width: WIDTH,
    height: HEIGHT + legend * LEGEND_ROW,
    marginTop: 30,
    marginLeft,
    marginRight: 20,
    marginBottom: 40 + legend * LEGEND_ROW,
    x: {
      type: 'utc',
      domain: [first, nextPeriod(last, grain)],
      ticks: ticks.map((d) => new Date((d.getTime() + nextPeriod(d, grain).getTime()) / 2)),
      tickFormat: (d: Date, i: number) => {
        const start = ticks[i] ?? d
        return periodTick(start, grain, i === 0 || start.getUTCMonth() === 0)
      },
      label: null,
    },
    y: { grid: true, nice: true, domain: [min, max || 1], tickFormat: frNumber, label: clean(o.yLabel) },
    marks,
  }) as unknown as SvgElement
  if (legend)
    svg.appendChild(
      legendOf(
        o.series.map((s) => s.label),
        HEIGHT - 4,
      ),
    )
  return finish(svg, o)
}

/** The legend in words under the axis, each series with its line as drawn (colour, dash, symbol). */
function legendOf(labels: string[], top: number): SvgElement {
  const group = el('g', { 'aria-hidden': 'true' })
  labels.forEach((label, i) => {
    const style = seriesStyle(i)
    const y = top + i * LEGEND_ROW
    const row = el('g', { transform: `translate(8,${y})` })
    row.appendChild(
      el('line', {
        x1: 0,
        x2: 28,
        y1: 0,
        y2: 0,
        stroke: style.colour,
        'stroke-width': 2,
        ...(style.dash === 'none' ? {} : { 'stroke-dasharray': style.dash }),
      }),
    )
    row.appendChild(symbolAt(style.symbol, style.colour))
    row.appendChild(el('text', { x: 36, y: 0, dy: '0.32em', 'text-anchor': 'start' }, shorten(label, 80)))
    group.appendChild(row)
  })
  return group
}

function symbolAt(symbol: string, colour: string): SvgElement {
  if (symbol === 'square') return el('rect', { x: 10.5, y: -3.5, width: 7, height: 7, fill: colour })
  if (symbol === 'triangle') return el('path', { d: 'M14,-4.5L18,3L10,3Z', fill: colour })
  if (symbol === 'diamond') return el('path', { d: 'M14,-5L19,0L14,5L9,0Z', fill: colour })
  return el('circle', { cx: 14, cy: 0, r: 3.5, fill: colour })
}
