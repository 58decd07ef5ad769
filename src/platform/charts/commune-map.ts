import * as Plot from '@observablehq/plot'
import type { ChartText } from './chart-types.ts'
import { frNumber, roundDown } from './format.ts'
import { BAR, FAINT } from './palette.ts'
import { clean, document, el, emptyChart, finish, type SvgElement, shorten } from './svg-document.ts'

type Place = { name: string; lon: number; lat: number; value: number }

const WIDTH = 600
const MAX_HEIGHT = 640
const MAX_RADIUS = 22
const MARGIN = 28
const LEGEND_HEIGHT = 70
const NAMED = 5

const placed = (p: { lon: number; lat: number }) =>
  Number.isFinite(p.lon) && Number.isFinite(p.lat) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180

export function renderCommuneMap(
  o: ChartText & { points: Place[]; outline: { lon: number; lat: number }[]; legendFloor?: number },
): string {
  // Largest first, so that a small symbol is drawn over a large one and stays visible.
  const points = o.points.filter((p) => placed(p) && Number.isFinite(p.value) && p.value > 0)
  points.sort((a, b) => b.value - a.value)
  const [largest] = points
  if (!largest) return emptyChart(o)
  const outline = o.outline.filter(placed)
  const all = [...points, ...outline]
  const lats = all.map((p) => p.lat)
  const lons = all.map((p) => p.lon)
  // Equirectangular around the territory's middle latitude: a degree of longitude is cos(lat) of a
  // degree of latitude, about two thirds of it in Normandy, so the shape is the one people know.
  const middle = (Math.min(...lats) + Math.max(...lats)) / 2
  const k = Math.cos((middle * Math.PI) / 180)
  const pad = 0.02
  const x0 = Math.min(...lons) * k - pad
  const x1 = Math.max(...lons) * k + pad
  const y0 = Math.min(...lats) - pad
  const y1 = Math.max(...lats) + pad
  let width = WIDTH
  let height = (width * (y1 - y0)) / (x1 - x0)
  if (height > MAX_HEIGHT) {
    width = (width * MAX_HEIGHT) / height
    height = MAX_HEIGHT
  }
  const max = largest.value
  const radius = (v: number) => MAX_RADIUS * Math.sqrt(v / max)
  const x = (p: { lon: number }) => p.lon * k
  const y = (p: { lat: number }) => p.lat
  const svg = Plot.plot({
    document,
    width: Math.round(width + 2 * MARGIN),
    height: Math.round(height + 2 * MARGIN + LEGEND_HEIGHT),
    margin: MARGIN,
    marginBottom: MARGIN + LEGEND_HEIGHT,
    x: { domain: [x0, x1], axis: null },
    y: { domain: [y0, y1], axis: null },
    // Area proportional to the value: Plot's r scale is a square root from zero.
    r: { type: 'sqrt', domain: [0, max], range: [0, MAX_RADIUS] },
    marks: [
      Plot.dot(outline, { x, y, r: 1.5, fill: FAINT }),
      Plot.dot(points, {
        x,
        y,
        r: 'value',
        fill: BAR,
        fillOpacity: 0.45,
        stroke: BAR,
        strokeWidth: 1.5,
        title: (p: Place) => `${clean(p.name)} : ${frNumber(p.value)}`,
      }),
      Plot.text(points.slice(0, NAMED), {
        x,
        // Just above the symbol, whatever its size: its radius in degrees of latitude.
        y: (p: Place) => p.lat + ((radius(p.value) + 3) * (y1 - y0)) / height,
        lineAnchor: 'bottom',
        text: (p: Place) => shorten(p.name, 24),
        fill: 'currentColor',
        stroke: 'white',
        strokeWidth: 3,
      }),
    ],
  }) as unknown as SvgElement
  svg.appendChild(sizeLegend(max, Math.round(height + 2 * MARGIN), radius, o.legendFloor ?? 0))
  return finish(svg, o)
}

/**
 * Two or three symbol sizes with their values in words, under the map; none below `floor`, so a
 * public map whose small counts are hidden does not show « 2 » in its legend either.
 */
function sizeLegend(max: number, top: number, radius: (v: number) => number, floor: number): SvgElement {
  const values = [...new Set([roundDown(max), roundDown(max / 4), roundDown(max / 16)])].filter(
    (v) => v > 0 && (max < 1 || v >= 1) && v >= floor,
  )
  const group = el('g', { transform: `translate(${MARGIN},${top})`, 'aria-hidden': 'true' })
  group.appendChild(
    el('text', { x: 0, y: 12, 'text-anchor': 'start' }, 'Surface des cercles proportionnelle :'),
  )
  let x = 0
  for (const v of values) {
    const r = radius(v)
    group.appendChild(
      el('circle', {
        cx: x + r,
        cy: 44,
        r,
        fill: BAR,
        'fill-opacity': 0.45,
        stroke: BAR,
        'stroke-width': 1.5,
      }),
    )
    const label = frNumber(v)
    group.appendChild(el('text', { x: x + 2 * r + 6, y: 44, dy: '0.32em', 'text-anchor': 'start' }, label))
    x += 2 * r + 6 + label.length * 7 + 24
  }
  return group
}
