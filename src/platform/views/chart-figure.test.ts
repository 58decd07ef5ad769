import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { h } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { page } from '../../../test/helpers/html.ts'
import { barChart, loadCharts } from '../charts/charts.ts'
import { ChartFigure } from './ChartFigure.tsx'

// The views' chart functions draw once the library is loaded, as a page's route does first.
await loadCharts()

const bars = [
  { label: 'Courses', value: 1234 },
  { label: 'Bricolage', value: 40 },
  { label: '<b>Transport</b>', value: 3 },
]
const title = 'Demandes par catégorie'
const description = 'Les courses viennent en tête.'

function render(headingLevel?: 2 | 3 | 4) {
  const svg = barChart({ title, description, xLabel: 'Demandes', bars })
  const table = { columns: ['Catégorie', 'Demandes'], rows: bars.map((b) => [b.label, b.value]) }
  return page(
    renderToString(h(ChartFigure, { id: 'categories', title, headingLevel, description, svg, table })),
  )
}

describe('ChartFigure', () => {
  it('shows the chart under its heading, then the same data as a table, then its description', () => {
    const view = render()
    const figure = view.document.querySelector('figure')
    assert.ok(figure)
    assert.deepEqual(
      [...figure.children].map((c) => c.localName),
      ['h3', 'div', 'section', 'figcaption'],
    )
    assert.equal(view.text('figure > h3'), title)
    assert.equal(figure.getAttribute('aria-labelledby'), 'categories-title')
    assert.equal(view.document.getElementById('categories-title')?.textContent, title)
    assert.equal(view.text('figcaption'), description)
    const svg = view.document.querySelector('figure svg')
    assert.equal(svg?.getAttribute('role'), 'img')
    assert.equal(view.document.getElementById(svg?.getAttribute('aria-labelledby') ?? '')?.textContent, title)
  })

  it('gives the table the values the chart draws, with headers for columns and rows', () => {
    const view = render()
    assert.equal(view.text('.table-scroll caption'), title)
    assert.equal(view.document.querySelector('.table-scroll')?.getAttribute('aria-label'), title)
    assert.deepEqual(view.all('thead th[scope="col"]'), ['Catégorie', 'Demandes'])
    const rows = [...view.document.querySelectorAll('tbody tr')].map((tr) => [
      tr.querySelector('th[scope="row"]')?.textContent,
      tr.querySelector('td')?.textContent,
    ])
    assert.deepEqual(rows, [
      ['Courses', '1\u202f234'], // a narrow no-break space, as French typography wants
      ['Bricolage', '40'],
      ['<b>Transport</b>', '3'],
    ])
    // The chart's labels and values are the table's, bar for bar.
    const chart = view.document.querySelector('figure svg')
    const drawn = [...(chart?.querySelectorAll('g[data-mark="y-axis tick label"] text') ?? [])].map(
      (t) => t.textContent,
    )
    assert.deepEqual(
      drawn,
      rows.map(([label]) => label),
    )
    const values = [...(chart?.querySelectorAll('g[data-mark="text"] text') ?? [])].map((t) => t.textContent)
    assert.deepEqual(
      values,
      rows.map(([, value]) => value),
    )
    assert.equal(view.document.querySelectorAll('b').length, 0)
  })

  it('takes the heading level the page needs', () => {
    assert.equal(render(2).text('figure > h2'), title)
    assert.equal(render(4).text('figure > h4'), title)
  })
})
