import * as Plot from '@observablehq/plot'
import type { ChartText } from './chart-types.ts'
import { frNumber, textWidth } from './format.ts'
import { BAR } from './palette.ts'
import { clean, document, emptyChart, finish, type SvgElement, shorten } from './svg-document.ts'

const ROW = 28
const LABEL_CHARS = 32

export function renderBarChart(
  o: ChartText & { bars: { label: string; value: number }[]; xLabel: string },
): string {
  // By position, not by label: two bars may share a label and must both be drawn.
  const bars = o.bars
    .filter((b) => Number.isFinite(b.value))
    .map((b, i) => ({ ...b, i, short: shorten(b.label, LABEL_CHARS) }))
    .sort((a, b) => b.value - a.value || a.i - b.i)
  if (!bars.length) return emptyChart(o)
  const max = Math.max(0, ...bars.map((b) => b.value))
  const min = Math.min(0, ...bars.map((b) => b.value))
  const labelWidth = Math.max(...bars.map((b) => textWidth(b.short)))
  const valueWidth = Math.max(...bars.map((b) => textWidth(frNumber(b.value))))
  const svg = Plot.plot({
    document,
    width: 640,
    height: bars.length * ROW + 60,
    marginTop: 10,
    marginBottom: 50,
    marginLeft: Math.min(260, labelWidth + 12),
    marginRight: valueWidth + 12,
    y: {
      type: 'band',
      domain: bars.map((b) => b.i),
      tickFormat: (i: number) => bars.find((b) => b.i === i)?.short ?? '',
      tickSize: 0,
      label: null,
    },
    x: { grid: true, nice: true, domain: [min, max || 1], tickFormat: frNumber, label: clean(o.xLabel) },
    marks: [
      Plot.barX(bars, {
        x: 'value',
        y: 'i',
        fill: BAR,
        insetTop: 3,
        insetBottom: 3,
        title: (b) => `${clean(b.label)} : ${frNumber(b.value)}`,
      }),
      Plot.ruleX([0], { stroke: '#6b6b6b' }),
      // The value at the end of each bar, so that nobody has to read it off the axis.
      Plot.text(bars, {
        x: (b) => Math.max(0, b.value),
        y: 'i',
        text: (b) => frNumber(b.value),
        dx: 4,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
    ],
  }) as unknown as SvgElement
  return finish(svg, o)
}
