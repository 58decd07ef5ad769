// Volunteers signing up at the same moment: 200 sign-ups at once on 50 slots of 3 places, through
// the JSON API over HTTP (POST /api/v1/missions/{id}/signups), four people per slot, so a quarter
// must be told « complet ». Sign-ups per second, latency p50/p95/p99, and the slots overbooked
// (must be 0: each place is taken by one conditional update). On a fresh embedded database and,
// when DATABASE_URL is set, on a PostgreSQL database created for the run on that server, side by
// side in one run, each in its own process (bench/missions-run.ts). Prints figures; asserts nothing.
//
//   node --import tsx bench/missions.ts        BENCH_SIGNUPS=200 BENCH_SLOTS=50 BENCH_PLACES=3
import { fileURLToPath } from 'node:url'
import { benchDatabases, loadavg, runForDatabase, table } from './databases.ts'
import type { MissionsResult } from './missions-run.ts'

const run = fileURLToPath(new URL('./missions-run.ts', import.meta.url))
const ms = (n: number) => `${n.toFixed(0)} ms`

console.log(`load average at start: ${loadavg()}`)
const databases = await benchDatabases('missions')
const results: MissionsResult[] = []
try {
  for (const database of databases) {
    console.log(`\n${database.label}: ${database.note}`)
    const r = await runForDatabase<MissionsResult>(run, database)
    console.log(r.header)
    console.log(`load average ${r.loadavgStart} at its start, ${r.loadavgEnd} at its end`)
    console.log(
      `${r.requests} sign-up requests in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(0)} answered/s, ` +
        `${r.acceptedPerSecond.toFixed(0)} sign-ups/s  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  ` +
        `${r.sqlPerRequest.toFixed(1)} statements per request`,
    )
    console.log(
      `answers: ${r.accepted} signed up (201), ${r.full} full (409), ${r.other} other; ` +
        `places ${r.places}, taken ${r.taken}, live sign-ups ${r.liveSignups}; ` +
        `overbooked slots ${r.overbooked}, slots whose count differs from taken ${r.mismatched}`,
    )
    results.push(r)
  }
} finally {
  for (const database of databases) await database.dispose()
}

console.log('\nSide by side\n')
console.log(
  table(
    [
      'database',
      'answered/s',
      'sign-ups/s',
      'p50',
      'p95',
      'p99',
      'SQL/request',
      'signed up',
      'full',
      'overbooked',
    ],
    results.map((r) => [
      r.database,
      r.perSecond.toFixed(0),
      r.acceptedPerSecond.toFixed(0),
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      r.sqlPerRequest.toFixed(1),
      String(r.accepted),
      String(r.full),
      String(r.overbooked),
    ]),
    12,
  ),
)
console.log('\nAim')
for (const r of results) {
  const ok = r.overbooked === 0 && r.mismatched === 0 && r.liveSignups === Math.min(r.places, r.requests)
  console.log(
    `${ok ? 'met    ' : 'NOT MET'}  no slot overbooked and every place taken on ${r.database}: ` +
      `${r.overbooked} overbooked, ${r.liveSignups} of ${r.places} places taken`,
  )
}
if (!process.env.DATABASE_URL) console.log('(set DATABASE_URL to compare with PostgreSQL in the same run)')
console.log(
  '\nSQL/request: statements the app sent during the load per request answered, authentication and the ' +
    "managers' mail included (BEGIN and COMMIT count where the driver sends them through Drizzle).",
)
console.log(`load average at end: ${loadavg()}`)
