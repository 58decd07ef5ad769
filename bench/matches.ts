// Conversations under load, through the JSON API over HTTP: 50 conversations at once, each party
// writing in turn (POST /api/v1/matches/{id}/messages); messages accepted per second, latency
// p50/p95/p99 and the SQL statements each message sends; then a burst of 100 messages in one
// conversation and the emails it causes once the mail jobs have run, now and after the 15-minute
// window. On a fresh embedded database and, when DATABASE_URL is set, on a PostgreSQL database
// created for the run on that server, side by side in one run, each in its own process
// (bench/matches-run.ts). Prints figures and how they stand against the aim; asserts nothing.
//
//   node --import tsx bench/matches.ts        BENCH_CONVERSATIONS=50 BENCH_MESSAGES=40
//   quick check:                              BENCH_MESSAGES=10
import { fileURLToPath } from 'node:url'
import { benchDatabases, loadavg, runForDatabase, table } from './databases.ts'
import type { MatchesResult } from './matches-run.ts'

const run = fileURLToPath(new URL('./matches-run.ts', import.meta.url))
const ms = (n: number) => `${n.toFixed(0)} ms`

console.log(`load average at start: ${loadavg()}`)
const databases = await benchDatabases('matches')
const results: MatchesResult[] = []
try {
  for (const database of databases) {
    console.log(`\n${database.label}: ${database.note}`)
    const r = await runForDatabase<MatchesResult>(run, database)
    console.log(`${r.header}`)
    console.log(`load average ${r.loadavgStart} at its start, ${r.loadavgEnd} at its end`)
    console.log(
      `messages accepted: ${r.messages} in ${r.seconds.toFixed(1)} s = ${r.perSecond.toFixed(0)} messages/s` +
        `  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}` +
        `  ${r.sqlPerMessage.toFixed(2)} statements per message (${r.sqlOneMessage} for one alone)`,
    )
    console.log(`emails for those ${r.messages} messages: ${r.emails} (no one reading)`)
    console.log(
      `burst of 100 messages in one conversation (${r.burstStored} stored): ${r.burstEmailsAtOnce} emails ` +
        `written at once, ${r.burstEmailsAfterWindow} in all after the 15-minute window (2 recipients)`,
    )
    results.push(r)
  }
} finally {
  for (const database of databases) await database.dispose()
}

console.log('\nSide by side\n')
console.log(
  table(
    ['database', 'messages/s', 'p50', 'p95', 'p99', 'SQL/message', 'one alone', 'emails', 'burst emails'],
    results.map((r) => [
      r.database,
      r.perSecond.toFixed(0),
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      r.sqlPerMessage.toFixed(2),
      String(r.sqlOneMessage),
      String(r.emails),
      `${r.burstEmailsAtOnce} / ${r.burstEmailsAfterWindow}`,
    ]),
    12,
  ),
)
console.log('\nAim')
for (const r of results)
  console.log(
    `${r.sqlPerMessage <= 8 ? 'met    ' : 'NOT MET'}  statements per message ≤ 8 on ${r.database}: ` +
      r.sqlPerMessage.toFixed(2),
  )
if (!process.env.DATABASE_URL) console.log('(set DATABASE_URL to compare with PostgreSQL in the same run)')
console.log(
  '\nSQL/message: statements the app sent during the load per message accepted (BEGIN and COMMIT ' +
    'count: both databases are reached through node-postgres, the embedded one over its local socket).',
)
console.log(`load average at end: ${loadavg()}`)
