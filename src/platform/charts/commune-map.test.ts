import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readSvg } from '../../../test/helpers/svg.ts'
import { communeMap, loadCharts } from './charts.ts'
import { FAINT } from './palette.ts'

// The views' chart functions draw once the library is loaded, as a page's route does first.
await loadCharts()

const text = { title: 'Demandes par commune', description: 'Caen et sa couronne concentrent les demandes.' }
const outline = [
  { lon: -0.37, lat: 49.18 },
  { lon: -0.7, lat: 49.28 },
  { lon: 0.23, lat: 49.15 },
  { lon: -1.1, lat: 48.85 },
  { lon: -0.35, lat: 49.21 },
]
const points = [
  { name: 'Caen', lon: -0.37, lat: 49.18, value: 400 },
  { name: 'Bayeux', lon: -0.7, lat: 49.28, value: 100 },
  { name: 'Lisieux', lon: 0.23, lat: 49.15, value: 25 },
]
const symbols = (chart: ReturnType<typeof readSvg>) =>
  [...chart.root.querySelectorAll('g[data-mark="dot"] circle')].filter((c) => c.querySelector('title'))
const radius = (c: Element) => Number(c.getAttribute('r'))

describe('communeMap', () => {
  it('draws a symbol per commune, its area proportional to its value, over faint dots of all communes', () => {
    const chart = readSvg(communeMap({ ...text, points, outline }))
    assert.equal(chart.name(), 'Demandes par commune')
    assert.equal(chart.description(), 'Caen et sa couronne concentrent les demandes.')
    const drawn = symbols(chart)
    assert.equal(drawn.length, 3)
    const [caen = 0, bayeux = 1, lisieux = 1] = drawn.map(radius)
    // Four times the value, twice the radius: four times the area.
    assert.ok(
      Math.abs(caen / bayeux - 2) < 0.01 && Math.abs(bayeux / lisieux - 2) < 0.01,
      `${caen} ${bayeux} ${lisieux}`,
    )
    assert.equal(chart.count(`circle[fill="${FAINT}"]`) + chart.count(`g[fill="${FAINT}"] circle`), 5)
    for (const name of ['Caen', 'Bayeux', 'Lisieux']) assert.ok(chart.texts().includes(name), name)
    assert.ok(chart.tooltips().includes('Caen : 400'))
  })

  it('keeps the territory s shape: a degree of longitude is narrower than a degree of latitude at 49° N', () => {
    const chart = readSvg(
      communeMap({
        ...text,
        points: [{ name: 'A', lon: 0, lat: 49, value: 1 }],
        outline: [
          { lon: -0.5, lat: 48.5 },
          { lon: 0.5, lat: 49.5 },
        ],
      }),
    )
    const plotted = [...chart.root.querySelectorAll('circle')].filter((c) => c.closest('g[data-mark="dot"]'))
    const xs = plotted.map((c) => Number(c.getAttribute('cx')))
    const ys = plotted.map((c) => Number(c.getAttribute('cy')))
    const ratio = (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys))
    assert.ok(Math.abs(ratio - Math.cos((49 * Math.PI) / 180)) < 0.03, `${ratio}`)
  })

  it('gives the symbols a legend of round values in words', () => {
    const chart = readSvg(communeMap({ ...text, points, outline }))
    assert.ok(chart.texts().includes('Surface des cercles proportionnelle :'))
    for (const value of ['200', '100', '20'])
      assert.ok(chart.texts().includes(value), chart.texts().join('|'))
  })

  it('leaves out of the legend the values below its floor', () => {
    const small = points.map((p) => ({ ...p, value: Math.ceil(p.value / 20) }))
    const plain = readSvg(communeMap({ ...text, points: small, outline })).texts()
    assert.ok(plain.includes('1'), plain.join('|'))
    const floored = readSvg(communeMap({ ...text, points: small, outline, legendFloor: 5 })).texts()
    assert.ok(floored.includes('20') && floored.includes('5'), floored.join('|'))
    assert.ok(!floored.includes('1'), floored.join('|'))
  })

  it('says there is no data when no commune has a value, without failing', () => {
    for (const data of [[], [{ name: 'Caen', lon: -0.37, lat: 49.18, value: 0 }]]) {
      const chart = readSvg(communeMap({ ...text, points: data, outline }))
      assert.deepEqual(chart.texts(), ['Aucune donnée pour cette période'])
    }
  })

  it('draws a single commune with no outline', () => {
    const chart = readSvg(communeMap({ ...text, points: points.slice(0, 1), outline: [] }))
    assert.equal(symbols(chart).length, 1)
  })

  it('writes big values the French way', () => {
    const chart = readSvg(
      communeMap({ ...text, points: [{ name: 'Caen', lon: -0.37, lat: 49.18, value: 1_250_000 }], outline }),
    )
    assert.ok(chart.tooltips().includes('Caen : 1 250 000'))
    assert.ok(chart.texts().includes('1 000 000'), chart.texts().join('|'))
  })
})
