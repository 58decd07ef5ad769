// How long the event loop (the thread that answers HTTP requests) waits while the embedded
// database works: the lateness of a 5 ms timer (p50/p99/max) under a search-like load, with PGlite run
// (a) in this thread, as before it had its own, through drizzle-orm/pglite, and (b) in its own
// thread behind the PostgreSQL-protocol socket, through node-postgres (what `openDatabase` does).
// Same data directory, same queries, one after the other in one run. Prints figures; asserts nothing.
//
//   node --import tsx bench/event-loop.ts        BENCH_ROWS=20000 BENCH_SECONDS=8 BENCH_CLIENTS=4
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { openDatabase, pgliteExtensions } from '../src/platform/db/client.ts'

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4)

type AnyDb = PgDatabase<PgQueryResultHKT, Record<string, never>>

const words = [
  'courses',
  'pharmacie',
  'jardin',
  'vélo',
  'devoirs',
  'déménagement',
  'visite',
  'voisine',
  'bricolage',
  'ordinateur',
  'promenade',
  'chien',
]
const pick = (i: number) => words[i % words.length]!

async function fill(dir: string) {
  const pglite = await PGlite.create({ dataDir: dir, extensions: pgliteExtensions })
  await pglite.exec(`
    create table docs (id serial primary key, body text not null,
      v tsvector generated always as (to_tsvector('french', body)) stored);
    create index docs_v on docs using gin (v);`)
  await pglite.query(
    `insert into docs (body) select 'Besoin d''aide pour ' || (array[${words.map((w) => `'${w}'`).join(',')}])[1 + i % ${words.length}]
       || ' et ' || (array[${words.map((w) => `'${w}'`).join(',')}])[1 + (i * 7) % ${words.length}] || ' numéro ' || i
     from generate_series(1, ${ROWS}) i`,
  )
  await pglite.exec('vacuum analyze docs')
  await pglite.close()
}

/**
 * CLIENTS loops of searches for SECONDS: how many ran, and how late a 5 ms timer fired meanwhile.
 * Inline PGlite answers through promises that are already settled, so the loop may not reach its
 * timers at all until the load ends: the lateness is measured by the timer itself (the last
 * sample lands after the load), not only by monitorEventLoopDelay, which then sees nothing.
 */
async function load(db: AnyDb) {
  const INTERVAL = 5
  const lateness: number[] = []
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    lateness.push(Math.max(0, now - last - INTERVAL))
    last = now
  }, INTERVAL)
  let queries = 0
  const end = Date.now() + SECONDS * 1000
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client; Date.now() < end; i += CLIENTS) {
        await db.execute(sql`select id, ts_rank(v, q) as rank from docs, plainto_tsquery('french', ${`${pick(i)} ${pick(i * 5 + 1)}`}) q
          where v @@ q order by rank desc, id desc limit 20`)
        await db.execute(sql`select count(*) from docs where v @@ plainto_tsquery('french', ${pick(i * 3)})`)
        queries += 2
      }
    }),
  )
  await new Promise((resolve) => setTimeout(resolve, 3 * INTERVAL))
  clearInterval(timer)
  lateness.sort((x, y) => x - y)
  const at = (q: number) => lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))] ?? 0
  // Round trips of the smallest statement: what the socket and the thread add to each query.
  let trips = 0
  const tripsEnd = Date.now() + 2000
  while (Date.now() < tripsEnd) {
    await db.execute(sql`select ${trips}::int`)
    trips++
  }
  return {
    p50: at(0.5).toFixed(1),
    p99: at(0.99).toFixed(1),
    max: (lateness.at(-1) ?? 0).toFixed(0),
    fired: String(lateness.length),
    perSecond: (queries / SECONDS).toFixed(0),
    trips: (trips / 2).toFixed(0),
    p99ms: at(0.99),
  }
}

const dir = await mkdtemp(join(tmpdir(), 'entraide-bench-loop-'))
try {
  console.log(
    `node ${process.version}, ${availableParallelism()} cores, ${ROWS} rows, ${CLIENTS} clients, ${SECONDS} s each`,
  )
  console.log(`load average before: ${(await readFile('/proc/loadavg', 'utf8')).trim()}`)
  await fill(dir)

  const inline = await PGlite.create({ dataDir: dir, extensions: pgliteExtensions })
  const a = await load(drizzlePglite(inline) as unknown as AnyDb)
  await inline.close()

  const threaded = await openDatabase({ kind: 'pglite', dir })
  const b = await load(threaded.db as unknown as AnyDb)
  await threaded.close()

  console.log(
    '\nlateness of a 5 ms timer while searches run (ms)  p50     p99      max  fired  searches/s  select 1/s',
  )
  const row = (name: string, r: typeof a) =>
    console.log(
      `${name.padEnd(46)} ${r.p50.padStart(5)} ${r.p99.padStart(7)} ${r.max.padStart(8)} ${r.fired.padStart(6)} ${r.perSecond.padStart(11)} ${r.trips.padStart(11)}`,
    )
  row('(a) PGlite in this thread (before)', a)
  row('(b) PGlite in its own thread, node-postgres', b)
  console.log(`\np99 lateness ratio (a)/(b): ${(a.p99ms / Math.max(b.p99ms, 0.1)).toFixed(0)}`)
  console.log(`load average after: ${(await readFile('/proc/loadavg', 'utf8')).trim()}`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
