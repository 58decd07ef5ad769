// What missions cost the common search: the same searches (words and place, place only, words
// only, nothing) through SearchService with the missions handed in and without them, side by side
// in one process per database, over 20,000 listings and 500 missions. Asks alone must cost what
// they cost before (no statement to missions); all kinds costs one statement more, sent with the
// listings'. Prints figures, load average at start and end; asserts nothing.
//
//   node --import tsx bench/search-missions.ts     BENCH_LISTINGS=20000 BENCH_MISSIONS=500 BENCH_ROUNDS=30
import { fileURLToPath } from 'node:url'
import { benchDatabases, loadavg, runForDatabase, table } from './databases.ts'
import type { SearchMissionsResult } from './search-missions-run.ts'

const run = fileURLToPath(new URL('./search-missions-run.ts', import.meta.url))

console.log(`load average at start: ${loadavg()}`)
const databases = await benchDatabases('search_missions')
try {
  for (const database of databases) {
    console.log(`\n${database.label}: ${database.note}`)
    const r = await runForDatabase<SearchMissionsResult>(run, database)
    console.log(r.header)
    console.log(`load average ${r.loadavgStart} at its start, ${r.loadavgEnd} at its end\n`)
    const base = (name: string) => r.variants.find((v) => v.name === name)!.meanMs
    const ratioTo: Record<string, string> = {
      'asks, missions handed in': 'asks, without missions',
      'all kinds, with the missions block': 'all kinds, without missions',
    }
    console.log(
      table(
        ['search', 'mean ms', 'p95 ms', 'SQL/search', 'ratio'],
        r.variants.map((v) => [
          v.name,
          v.meanMs.toFixed(2),
          v.p95Ms.toFixed(2),
          v.statementsPerSearch.toFixed(2),
          ratioTo[v.name] ? (v.meanMs / base(ratioTo[v.name]!)).toFixed(2) : '',
        ]),
      ),
    )
  }
} finally {
  for (const database of databases) await database.dispose()
}
console.log(`\nload average at end: ${loadavg()}`)
