// Requests per second and latency over HTTP (autocannon, from a child process) of the search
// page, the search API, a listing's page and the home page, each against a bare route of the same
// app that sends the same bytes without any work; with, measured in the server's process, its
// event-loop delay p99 and its memory under each load, and the SQL statements each kind of
// request sends. On a fresh embedded database and, when DATABASE_URL is set, on a PostgreSQL
// database created for the run on that server, side by side in one run, each in its own process
// (bench/http-run.ts). Prints figures and how they stand against the aims; asserts nothing.
//
//   node --import tsx bench/http.ts      BENCH_SECONDS=20 BENCH_CONNECTIONS=10 BENCH_LISTINGS=5000
//   quick check:                         BENCH_SECONDS=3 BENCH_LISTINGS=500
import { fileURLToPath } from 'node:url'
import { benchDatabases, loadavg, runForDatabase, table } from './databases.ts'
import type { HttpResult, Phase } from './http-run.ts'

const run = fileURLToPath(new URL('./http-run.ts', import.meta.url))
const int = (n: number) => n.toFixed(0)
const pct = (n: number) => `${(n * 100).toFixed(1)} %`
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`
const share = (real: Phase, bare: Phase) => real.run.rps / bare.run.rps

function databaseTable(r: HttpResult): string {
  const rows: string[][] = []
  const cells = (p: Phase, ratio: string, sql: number) => [
    int(p.run.rps),
    `${p.run.p50} ms`,
    `${p.run.p99} ms`,
    ratio,
    ms(p.eldP99),
    `${int(p.rssMaxMb)} MB`,
    String(sql),
    p.sqlUnderLoad.toFixed(2),
    String(p.run.non2xx),
    String(p.run.errors + p.run.timeouts),
  ]
  for (const route of r.routes) {
    rows.push([route.label, ...cells(route.real, pct(share(route.real, route.bare)), route.sql)])
    rows.push([`  bare route, same ${route.bytes} bytes`, ...cells(route.bare, '', route.bareSql)])
  }
  const header = ['route', 'req/s', 'p50', 'p99', 'vs bare', 'ELD p99', 'RSS max', 'SQL/req']
  return [
    `\n${r.database}: ${r.header}`,
    `load average ${r.loadavgStart} at its start, ${r.loadavgEnd} at its end; RSS idle ${int(r.rssIdleMb)} MB (JS heap ${int(r.heapIdleMb)} MB)`,
    table([...header, 'under load', 'non-2xx', 'errors'], rows, 44),
  ].join('\n')
}

function sideBySide(results: HttpResult[]): string {
  const header = ['route']
  for (const r of results) header.push(`${r.database} req/s`, 'vs bare', 'p99', 'ELD Δ', 'SQL')
  const rows = results[0]!.routes.map((route, i) => {
    const row = [route.label]
    for (const r of results) {
      const x = r.routes[i]!
      row.push(
        int(x.real.run.rps),
        pct(share(x.real, x.bare)),
        `${x.real.run.p99} ms`,
        ms(x.real.eldP99 - x.bare.eldP99),
        String(x.sql),
      )
    }
    return row
  })
  const rss = ['RSS idle / max under load']
  for (const r of results) {
    const max = Math.max(...r.routes.flatMap((x) => [x.real.rssMaxMb, x.bare.rssMaxMb]))
    rss.push(`${int(r.rssIdleMb)} MB`, `${int(max)} MB`, '', '', '')
  }
  return table(header, [...rows, rss], 44)
}

/** Each aim, its figure, and whether the figure meets it. */
function aims(results: HttpResult[]): string[] {
  const lines: string[] = []
  const check = (aim: string, figure: string, ok: boolean) =>
    lines.push(`${ok ? 'met    ' : 'NOT MET'}  ${aim}: ${figure}`)
  const on = (label: string) => results.find((r) => r.database === label)
  const ratio = (r: HttpResult, name: string) => {
    const x = r.routes.find((route) => route.label.startsWith(name))!
    return share(x.real, x.bare)
  }
  const pglite = on('PGlite')
  const postgres = on('PostgreSQL')
  if (pglite) {
    const s = ratio(pglite, 'search page')
    check('search page ≥ 25 % of the bare route on PGlite', pct(s), s >= 0.25)
  }
  if (postgres) {
    const s = ratio(postgres, 'search page')
    check('search page ≥ 50 % of the bare route on PostgreSQL', pct(s), s >= 0.5)
    const l = ratio(postgres, 'listing page')
    check('listing page ≥ 50 % of the bare route on PostgreSQL', pct(l), l >= 0.5)
  }
  for (const r of results) {
    const worst = r.routes.reduce((a, b) =>
      b.real.eldP99 - b.bare.eldP99 > a.real.eldP99 - a.bare.eldP99 ? b : a,
    )
    const delta = worst.real.eldP99 - worst.bare.eldP99
    check(
      `event-loop delay p99 < 50 ms above the bare route's on ${r.database}`,
      `worst ${ms(delta)} (${worst.label.split(/\s+GET/)[0]})`,
      delta < 50,
    )
    const max = Math.max(...r.routes.flatMap((x) => [x.real.rssMaxMb, x.bare.rssMaxMb]))
    check(`RSS ≤ 150 MB idle on ${r.database}`, `${int(r.rssIdleMb)} MB`, r.rssIdleMb <= 150)
    check(`RSS ≤ 250 MB under load on ${r.database}`, `${int(max)} MB`, max <= 250)
  }
  return lines
}

console.log(`load average at start: ${loadavg()}`)
const databases = await benchDatabases('http')
const results: HttpResult[] = []
try {
  for (const database of databases) {
    console.log(`\n${database.label}: ${database.note}`)
    const result = await runForDatabase<HttpResult>(run, database)
    console.log(databaseTable(result))
    results.push(result)
  }
} finally {
  for (const database of databases) await database.dispose()
}

console.log(`\nSide by side (vs bare: the route's requests per second as a share of its bare route's;`)
console.log(`ELD Δ: the route's event-loop delay p99 minus its bare route's; SQL: statements per request)\n`)
console.log(sideBySide(results))
console.log('\nAims')
for (const line of aims(results)) console.log(line)
if (!process.env.DATABASE_URL) console.log('(set DATABASE_URL to compare with PostgreSQL in the same run)')
console.log(
  '\nELD p99: event-loop delay p99 in the server process during the load, beyond the monitor’s period.' +
    '\nRSS: the server process only (PGlite runs inside it; a PostgreSQL server’s memory is its own).' +
    '\nSQL/req: statements one request sends, caches warm; under load: statements sent during the load per request received' +
    '\n(BEGIN and COMMIT count: both databases are reached through node-postgres, the embedded one over its local socket).',
)
console.log(`load average at end: ${loadavg()}`)
