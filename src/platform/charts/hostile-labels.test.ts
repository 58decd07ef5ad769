import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { readSvg } from '../../../test/helpers/svg.ts'
import { barChart, communeMap, loadCharts, timeChart } from './charts.ts'

// The views' chart functions draw once the library is loaded, as a page's route does first.
await loadCharts()

const hostile: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)

// biome-ignore lint/suspicious/noControlCharactersInRegex: what XML 1.0 cannot hold
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])/
// biome-ignore lint/suspicious/noControlCharactersInRegex: what the charts leave out of a label
const LEFT_OUT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/g

function charts(s: string): [string, string][] {
  const text = { title: s, description: s }
  return [
    [
      'timeChart',
      timeChart({
        ...text,
        yLabel: s,
        series: [s, `${s}2`].map((label) => ({
          label,
          points: [
            { date: '2026-03-02', value: 3 },
            { date: '2026-03-09', value: 5 },
          ],
        })),
      }),
    ],
    [
      'timeChart, one series',
      timeChart({ ...text, yLabel: s, series: [{ label: s, points: [{ date: '2026-03-02', value: 3 }] }] }),
    ],
    [
      'barChart',
      barChart({
        ...text,
        xLabel: s,
        bars: [
          { label: s, value: 4 },
          { label: 'Courses', value: 2 },
        ],
      }),
    ],
    [
      'communeMap',
      communeMap({
        ...text,
        points: [
          { name: s, lon: -0.37, lat: 49.18, value: 9 },
          { name: 'Bayeux', lon: -0.7, lat: 49.28, value: 1 },
        ],
        outline: [],
      }),
    ],
    ['empty', barChart({ ...text, xLabel: s, bars: [] })],
  ]
}

describe('hostile labels, titles and commune names', () => {
  for (const s of hostile) {
    it(`stay text in well-formed SVG: ${JSON.stringify(s).slice(0, 40)}`, () => {
      for (const [kind, svg] of charts(s)) {
        const chart = readSvg(svg)
        assert.ok(chart.roundTrips, `${kind}: what is parsed back is what was written`)
        assert.equal(chart.root.localName, 'svg', kind)
        const elements = new Set(chart.elements())
        for (const refused of ['script', 'img', 'foreignObject', 'a', 'style', 'image', 'use', 'iframe'])
          assert.ok(!elements.has(refused), `${kind}: <${refused}>`)
        const attributes = chart.attributes()
        assert.ok(!attributes.some((a) => /^on|^style$|href$/i.test(a)), `${kind}: ${attributes.join(' ')}`)
        if (/[<>&"]/.test(s)) assert.ok(!svg.includes(s), `${kind} holds it unescaped`)
        assert.ok(!NOT_XML.test(svg), kind)
        const visible = s.replace(LEFT_OUT, ' ').trim()
        if (visible && !/[\ud800-\udfff]/.test(visible) && visible.length < 30 && kind !== 'empty')
          assert.ok(svg.length > 0 && chart.name().includes(visible.replace(/\s+/g, ' ')), `${kind}: name`)
      }
    })
  }
})
