// How long the event loop (the thread that answers HTTP requests) waits while the embedded
// database works: monitorEventLoopDelay p50/p99/max under a search-like load, with PGlite run
// (a) in this thread, as before it had its own, through drizzle-orm/pglite, and (b) in its own
// thread behind the PostgreSQL-protocol socket, through node-postgres (what `openDatabase` does).
// Same data directory, same queries, one after the other in one run. Prints figures; asserts nothing.
//
//   node --import tsx bench/event-loop.ts        BENCH_ROWS=20000 BENCH_SECONDS=8 BENCH_CLIENTS=4
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
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

/** CLIENTS loops of searches for SECONDS: how many ran, and the event loop's delay meanwhile. */
async function load(db: AnyDb) {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  let queries = 0
  const end = Date.now() + SECONDS * 1000
  histogram.enable()
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
  histogram.disable()
  const ms = (ns: number) => (ns / 1e6).toFixed(1)
  return {
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
    perSecond: (queries / SECONDS).toFixed(0),
    p99ns: histogram.percentile(99),
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

  console.log('\nevent-loop delay while searches run (ms)      p50     p99     max   queries/s')
  const row = (name: string, r: typeof a) =>
    console.log(
      `${name.padEnd(44)} ${r.p50.padStart(6)} ${r.p99.padStart(7)} ${r.max.padStart(7)} ${r.perSecond.padStart(10)}`,
    )
  row('(a) PGlite in this thread (before)', a)
  row('(b) PGlite in its own thread, node-postgres', b)
  console.log(`\np99 ratio (a)/(b): ${(a.p99ns / b.p99ns).toFixed(1)}`)
  console.log(`load average after: ${(await readFile('/proc/loadavg', 'utf8')).trim()}`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
