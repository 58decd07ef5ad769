import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { readSvg } from '../../../test/helpers/svg.ts'
import { barChart, loadCharts } from './charts.ts'

// The views' chart functions draw once the library is loaded, as a page's route does first.
await loadCharts()

const text = { title: 'Demandes par catégorie', description: 'Les courses viennent en tête.' }
const labelsAtLeft = (chart: ReturnType<typeof readSvg>) =>
  [...chart.root.querySelectorAll('g[data-mark="y-axis tick label"] text')].map((t) => t.textContent)

describe('barChart', () => {
  it('draws one bar per category, largest first, each with its label and its value', () => {
    const chart = readSvg(
      barChart({
        ...text,
        xLabel: 'Demandes',
        bars: [
          { label: 'Bricolage', value: 12 },
          { label: 'Courses', value: 40 },
          { label: 'Transport', value: 25 },
        ],
      }),
    )
    assert.equal(chart.name(), 'Demandes par catégorie')
    assert.equal(chart.description(), 'Les courses viennent en tête.')
    assert.equal(chart.count('rect'), 3)
    assert.deepEqual(labelsAtLeft(chart), ['Courses', 'Transport', 'Bricolage'])
    for (const value of ['40', '25', '12', 'Demandes →']) assert.ok(chart.texts().includes(value), value)
    assert.deepEqual(chart.tooltips(), ['Courses : 40', 'Transport : 25', 'Bricolage : 12'])
  })

  it('keeps two bars that share a label', () => {
    const chart = readSvg(
      barChart({
        ...text,
        xLabel: 'x',
        bars: [
          { label: 'Autre', value: 3 },
          { label: 'Autre', value: 5 },
        ],
      }),
    )
    assert.equal(chart.count('rect'), 2)
    assert.deepEqual(labelsAtLeft(chart), ['Autre', 'Autre'])
  })

  it('says there is no data when there are no bars', () => {
    const chart = readSvg(barChart({ ...text, xLabel: 'x', bars: [] }))
    assert.deepEqual(chart.texts(), ['Aucune donnée pour cette période'])
    assert.equal(chart.name(), 'Demandes par catégorie')
  })

  it('draws a single bar, and a bar of zero', () => {
    assert.equal(
      readSvg(barChart({ ...text, xLabel: 'x', bars: [{ label: 'Seule', value: 7 }] })).count('rect'),
      1,
    )
    const zero = readSvg(barChart({ ...text, xLabel: 'x', bars: [{ label: 'Rien', value: 0 }] }))
    assert.ok(zero.texts().includes('Rien'))
    assert.ok(zero.texts().includes('0'))
  })

  it('writes big numbers the French way, and shortens a long label whose whole text stays in the tooltip', () => {
    const long = 'Accompagnement administratif et numérique des personnes âgées isolées'
    const chart = readSvg(
      barChart({
        ...text,
        xLabel: 'x',
        bars: [
          { label: long, value: 1_234_567 },
          { label: 'B', value: 2_000 },
        ],
      }),
    )
    assert.ok(chart.texts().includes('1 234 567'))
    assert.ok(chart.texts().includes('2 000'))
    const shown = labelsAtLeft(chart)[0] ?? ''
    assert.ok(shown.endsWith('…') && long.startsWith(shown.slice(0, -1)), shown)
    assert.ok(chart.tooltips().includes(`${long} : 1 234 567`))
  })
})
