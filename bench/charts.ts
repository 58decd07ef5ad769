// What drawing the bilan's charts on the server costs, for each kind at a realistic size (a year of
// weeks × 3 series, 15 categories, the ~530 communes of Calvados), against rendering the same data
// as a plain HTML table in the same run: the table is what a page pays anyway, the ratio says what
// the chart adds. Alternated rounds, so that a change in the machine's load falls on both alike.
// Prints figures; asserts nothing.
//
//   node --import tsx bench/charts.ts        BENCH_ROUNDS=30
import { readFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { h } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { barChart, communeMap, loadCharts, timeChart } from '../src/platform/charts/charts.ts'
import { readCommunesFile } from '../src/platform/geo/communes.dataset.ts'

await loadCharts()

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30)
const loadavg = async () => (await readFile('/proc/loadavg', 'utf8')).trim()

const table = (columns: string[], rows: (string | number)[][]) =>
  renderToString(
    h('table', null, [
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          columns.map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map(([head, ...cells]) =>
          h('tr', null, [
            h('th', { scope: 'row' }, String(head)),
            ...cells.map((c) => h('td', null, String(c))),
          ]),
        ),
      ),
    ]),
  )

const monday = (i: number) => new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10)
const series = ['Demandes', 'Offres', 'Réponses'].map((label, s) => ({
  label,
  points: Array.from({ length: 52 }, (_, i) => ({
    date: monday(i),
    value: Math.round(40 + 30 * Math.sin(i / 6 + s)),
  })),
}))
const bars = Array.from({ length: 15 }, (_, i) => ({
  label: `Catégorie numéro ${i + 1}`,
  value: (i * 7919) % 1000,
}))
const communes = (await readCommunesFile()).filter((c) => c.departement === '14')
const points = communes.map((c) => ({
  name: c.name,
  lon: c.longitude,
  lat: c.latitude,
  value: Math.max(1, Math.round(c.population / 50)),
}))
const outline = communes.map((c) => ({ lon: c.longitude, lat: c.latitude }))
const text = { title: 'Titre', description: 'Description.' }

const kinds: { name: string; chart: () => string; table: () => string }[] = [
  {
    name: `timeChart, 52 weeks × ${series.length} series`,
    chart: () => timeChart({ ...text, yLabel: 'Annonces', series }),
    table: () =>
      table(
        ['Semaine', ...series.map((s) => s.label)],
        Array.from({ length: 52 }, (_, i) => [monday(i), ...series.map((s) => s.points[i]?.value ?? '')]),
      ),
  },
  {
    name: `barChart, ${bars.length} categories`,
    chart: () => barChart({ ...text, xLabel: 'Demandes', bars }),
    table: () =>
      table(
        ['Catégorie', 'Demandes'],
        bars.map((b) => [b.label, b.value]),
      ),
  },
  {
    name: `communeMap, ${points.length} communes (+ ${outline.length} dots)`,
    chart: () => communeMap({ ...text, points, outline }),
    table: () =>
      table(
        ['Commune', 'Demandes'],
        points.map((p) => [p.name, p.value]),
      ),
  },
]

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
function time(fn: () => string): { ms: number; bytes: number } {
  const start = performance.now()
  const out = fn()
  return { ms: performance.now() - start, bytes: out.length }
}

console.log(`load average: ${await loadavg()}`)
console.log(`${ROUNDS} rounds each, median per render\n`)
console.log(
  `${'kind'.padEnd(44)} ${'chart'.padStart(9)} ${'table'.padStart(9)} ${'ratio'.padStart(7)}  chart bytes`,
)
for (const kind of kinds) {
  for (let i = 0; i < 5; i++) {
    kind.chart()
    kind.table()
  }
  const chart: number[] = []
  const plain: number[] = []
  let bytes = 0
  for (let i = 0; i < ROUNDS; i++) {
    const c = time(kind.chart)
    chart.push(c.ms)
    bytes = c.bytes
    plain.push(time(kind.table).ms)
  }
  const [c, t] = [median(chart), median(plain)]
  console.log(
    `${kind.name.padEnd(44)} ${`${c.toFixed(2)} ms`.padStart(9)} ${`${t.toFixed(2)} ms`.padStart(9)} ${`×${(c / t).toFixed(1)}`.padStart(7)}  ${bytes}`,
  )
}
console.log(`\nload average: ${await loadavg()}`)
