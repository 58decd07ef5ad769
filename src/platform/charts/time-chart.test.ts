import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { contrastOnWhite, readSvg } from '../../../test/helpers/svg.ts'
import { loadCharts, timeChart } from './charts.ts'
import { SERIES } from './palette.ts'

// The views' chart functions draw once the library is loaded, as a page's route does first.
await loadCharts()

const monday = (week: number) => new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10)
const weeks = (n: number, value: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => ({ date: monday(i), value: value(i) }))
const text = { title: 'Demandes et offres par semaine', description: 'Les demandes montent en hiver.' }

describe('timeChart', () => {
  it('draws one line per series with its symbols, and names each series in a legend', () => {
    const svg = timeChart({
      ...text,
      yLabel: 'Annonces',
      series: [
        { label: 'Demandes', points: weeks(10, (i) => i * 3) },
        { label: 'Offres', points: weeks(10, (i) => 20 - i) },
        { label: 'Réponses', points: weeks(8, (i) => i) },
      ],
    })
    const chart = readSvg(svg)
    assert.equal(chart.root.getAttribute('role'), 'img')
    assert.equal(chart.name(), 'Demandes et offres par semaine')
    assert.equal(chart.description(), 'Les demandes montent en hiver.')
    for (const label of ['Demandes', 'Offres', 'Réponses', '↑ Annonces'])
      assert.ok(chart.texts().includes(label), label)
    // Three lines, told apart by their dash as well as their colour; one symbol per point.
    const lines = [...chart.root.querySelectorAll('g[data-mark="line"]')]
    assert.equal(lines.length, 3)
    assert.equal(new Set(lines.map((l) => l.getAttribute('stroke-dasharray') ?? 'none')).size, 3)
    assert.equal(chart.tooltips().length, 28)
    assert.ok(chart.tooltips().includes('Demandes, semaine du 12 janvier 2026 : 3'), chart.tooltips()[1])
    assert.ok(chart.texts().includes('5 janv. 2026'), 'the first week, with its year')
  })

  it('draws bars for a single series, by month with French month names', () => {
    const months = Array.from({ length: 12 }, (_, m) => ({
      date: new Date(Date.UTC(2026, m, 1)).toISOString().slice(0, 10),
      value: m * 100,
    }))
    const chart = readSvg(
      timeChart({ ...text, yLabel: 'Demandes', series: [{ label: 'Demandes', points: months }] }),
    )
    assert.equal(chart.count('rect'), 12)
    for (const month of ['janv. 2026', 'févr.', 'août', 'déc.'])
      assert.ok(chart.texts().includes(month), month)
    assert.ok(chart.tooltips().includes('août 2026 : 700'))
  })

  it('says there is no data when no series has a point, without failing', () => {
    for (const series of [[], [{ label: 'Demandes', points: [] }]]) {
      const chart = readSvg(timeChart({ ...text, yLabel: 'Demandes', series }))
      assert.equal(chart.name(), 'Demandes et offres par semaine')
      assert.deepEqual(chart.texts(), ['Aucune donnée pour cette période'])
    }
  })

  it('draws a single point as a bar, and a single point of two series as two symbols', () => {
    const one = readSvg(
      timeChart({
        ...text,
        yLabel: 'x',
        series: [{ label: 'A', points: [{ date: '2026-03-02', value: 4 }] }],
      }),
    )
    assert.equal(one.count('rect'), 1)
    assert.deepEqual(one.tooltips(), ['semaine du 2 mars 2026 : 4'])
    const two = readSvg(
      timeChart({
        ...text,
        yLabel: 'x',
        series: [
          { label: 'A', points: [{ date: '2026-03-02', value: 4 }] },
          { label: 'B', points: [{ date: '2026-03-02', value: 1 }] },
        ],
      }),
    )
    assert.equal(two.tooltips().length, 2)
  })

  it('writes big numbers the French way and leaves room for them', () => {
    const chart = readSvg(
      timeChart({
        ...text,
        yLabel: 'Heures',
        series: [{ label: 'A', points: weeks(4, (i) => 1_000_000 * (i + 1)) }],
      }),
    )
    assert.ok(chart.texts().includes('4 000 000'), chart.texts().join('|'))
    assert.ok(chart.tooltips().includes('semaine du 26 janvier 2026 : 4 000 000'))
  })

  it('leaves out points that are not real days or numbers', () => {
    const chart = readSvg(
      timeChart({
        ...text,
        yLabel: 'x',
        series: [
          {
            label: 'A',
            points: [
              { date: '2026-02-30', value: 1 },
              { date: 'hier', value: 1 },
              { date: '2026-03-02', value: Number.NaN },
              { date: '2026-03-09', value: 2 },
            ],
          },
        ],
      }),
    )
    assert.equal(chart.count('rect'), 1)
  })

  it('uses colours with a contrast of 3:1 or more against white', () => {
    for (const { colour } of SERIES) assert.ok(contrastOnWhite(colour) >= 3, colour)
  })
})
