// The producers' directory: the same searches (words, commune and radius, open today, family and
// mode, nothing) over 2,000 producers, on the embedded database and on PostgreSQL side by side,
// one process each. Prints mean and p95 times, statements per search and the ratio to the plain
// first page, with the load average at start and end; asserts nothing.
//
//   node --import tsx bench/producers.ts     BENCH_PRODUCERS=2000 BENCH_ROUNDS=30 [DATABASE_URL=postgres://…]
import { fileURLToPath } from 'node:url'
import { benchDatabases, loadavg, runForDatabase, table } from './databases.ts'
import type { ProducersResult } from './producers-run.ts'

const run = fileURLToPath(new URL('./producers-run.ts', import.meta.url))

console.log(`load average at start: ${loadavg()}`)
const databases = await benchDatabases('producers')
try {
  for (const database of databases) {
    console.log(`\n${database.label}: ${database.note}`)
    const r = await runForDatabase<ProducersResult>(run, database)
    console.log(r.header)
    console.log(`load average ${r.loadavgStart} at its start, ${r.loadavgEnd} at its end\n`)
    const base = r.variants[0]!.meanMs
    console.log(
      table(
        ['search', 'found', 'mean ms', 'p95 ms', 'SQL/search', 'ratio'],
        r.variants.map((v) => [
          v.name,
          String(v.found),
          v.meanMs.toFixed(2),
          v.p95Ms.toFixed(2),
          v.statementsPerSearch.toFixed(2),
          (v.meanMs / base).toFixed(2),
        ]),
        40,
      ),
    )
  }
} finally {
  for (const database of databases) await database.dispose()
}
console.log(`\nload average at end: ${loadavg()}`)
