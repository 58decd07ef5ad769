// Server-side latency of browse and search (SearchService.search: commune resolution and the SQL
// of search.repository.ts) as the number of listings grows: one territory per size, filled once
// (search-data.ts). For each kind of search (words only, place only, words + place, category,
// mixed), p50/p95/p99, then the statements and buffers (shared hit + read, from EXPLAIN ANALYZE
// BUFFERS of every statement a call sends) per call, then a growth table. Prints figures;
// asserts nothing. Aims: p95 ≤ 10 ms at 1,000,000 listings on PostgreSQL, ≤ 30 ms at 100,000 on PGlite.
//
//   node --import tsx bench/search.ts                  PGlite, BENCH_SIZES=10000,100000
//   DATABASE_URL=postgres://…/any node --import tsx bench/search.ts
//       PostgreSQL, BENCH_SIZES=10000,100000,1000000: one database per size (entraide_bench_search_<n>),
//       created and filled on the first run, reused on the next ones
//   BENCH_QUERIES=300 timed searches per kind and size; BENCH_SAMPLES=30 explained per kind and size
//   BENCH_KEEP_DIR=/tmp/dir (PGlite): keep the filled databases there (<dir>/<n>) between runs
//   BENCH_PLANS=1: print the plan of one search per kind at each size (BENCH_PLAN_OF='{…}': of that one)
//   BENCH_WORST=5: print the 5 explained searches that read the most buffers at each size
//   BENCH_SEED=7: the same searches from one run to the next (to compare two builds side by side)
//   BENCH_SLOWEST=5: print the 5 timed searches that took longest at each size

import { mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { type SQL, sql } from 'drizzle-orm'
import pg from 'pg'
import { loadConfig } from '../src/config.ts'
import { SearchService } from '../src/domains/listings/search.service.ts'
import { parseSearch } from '../src/domains/listings/search.ts'
import { TerritoryService } from '../src/domains/territories/territory.service.ts'
import { randomIds, systemClock } from '../src/platform/clock.ts'
import { type Database, type Db, openDatabase } from '../src/platform/db/client.ts'
import { migrate } from '../src/platform/db/migrate.ts'
import { CommuneService } from '../src/platform/geo/commune.service.ts'
import type { AppServices } from '../src/platform/services.ts'
import { Tenancy } from '../src/platform/tenancy/tenancy.ts'
import { loadavg } from './databases.ts'
import { categories, DEPARTEMENT, fill, words } from './search-data.ts'

const url = process.env.DATABASE_URL
const SIZES = (process.env.BENCH_SIZES ?? (url ? '10000,100000,1000000' : '10000,100000'))
  .split(',')
  .map(Number)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300)
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30)

/** mulberry32: a small seeded generator, so that two runs can ask the same searches. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = process.env.BENCH_SEED ? seeded(Number(process.env.BENCH_SEED)) : Math.random

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)

/** One database per size: a PostgreSQL database beside DATABASE_URL's, or a PGlite directory. */
async function databaseFor(size: number): Promise<{ database: Database; done: () => Promise<void> }> {
  if (url) {
    const name = `entraide_bench_search_${size}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (exists.rowCount === 0) await admin.query(`create database ${name}`)
    await admin.end()
    const target = new URL(url)
    target.pathname = `/${name}`
    const database = await openDatabase({ kind: 'postgres', url: target.toString() })
    return { database, done: () => database.close() }
  }
  const kept = process.env.BENCH_KEEP_DIR
  const dir = kept ? join(kept, String(size)) : await mkdtemp(join(tmpdir(), 'entraide-bench-search-'))
  const database = await openDatabase({ kind: 'pglite', dir })
  return {
    database,
    done: async () => {
      await database.close()
      if (!kept) await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * The database seen through a spy that explains every statement it runs (after running it, so the
 * search gets its rows): shared buffers hit and read, summed over the statements of a call.
 */
function explaining(db: Db, tally: { statements: number; buffers: number }): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver)
      return async (statement: SQL) => {
        const result = await target.execute(statement)
        const plan = (await target.execute(
          sql`explain (analyze, buffers, format json) ${statement}`,
        )) as unknown as { rows: { 'QUERY PLAN': unknown }[] }
        const raw = plan.rows[0]!['QUERY PLAN']
        const top = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: Record<string, number> }[]
        tally.statements += 1
        tally.buffers += (top[0]!.Plan['Shared Hit Blocks'] ?? 0) + (top[0]!.Plan['Shared Read Blocks'] ?? 0)
        return result
      }
    },
  })
}

interface Figures {
  ms: number[]
  statements: number[]
  buffers: number[]
}

async function benchSize(size: number, figures: Record<string, Record<number, Figures>>) {
  const { database, done } = await databaseFor(size)
  try {
    await migrate(database)
    const territories = new TerritoryService(
      database,
      systemClock,
      randomIds,
      new Tenancy(database, systemClock, undefined),
    )
    const slug = 'bench-kept'
    const territory =
      (await territories.find(slug)) ??
      (await (async () => {
        const created = await territories.create({
          slug,
          departements: [DEPARTEMENT],
          platformName: 'Entraide Calvados',
          officialName: 'Département du Calvados',
          hostnames: [`${slug}.bench.test`],
          contactEmail: 'contact@calvados.test',
        })
        await fill(database, created.id, size)
        return created
      })())
    const communes = new CommuneService()
    const servicesOf = (db: Db) =>
      ({
        config: loadConfig({ NODE_ENV: 'test' }),
        database: { ...database, db },
        clock: systemClock,
        ids: randomIds,
        communes,
      }) as unknown as AppServices
    const search = new SearchService(servicesOf(database.db))
    const tally = { statements: 0, buffers: 0 }
    const explained = new SearchService(servicesOf(explaining(database.db, tally)))

    const towns = (await database.db.execute(
      sql`select insee from communes where departement = ${DEPARTEMENT} order by population desc limit 40`,
    )) as unknown as { rows: { insee: string }[] }
    const town = () => towns.rows[Math.floor(random() ** 2 * towns.rows.length)]!.insee
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
    const radius = () => pick(['5', '10', '20', '50'] as const)
    const kinds: Record<string, () => Record<string, unknown>> = {
      'words only': () => ({ words: pick(words) }),
      'place only': () => ({ commune: town(), radiusKm: radius() }),
      'words+place': () => ({ words: pick(words), commune: town(), radiusKm: radius() }),
      category: () => ({ categories: [pick(categories)[0]], commune: '' }),
      mixed: () =>
        pick([
          () => {
            const [category, , objects] = pick(categories)
            const word = pick(objects).split(' ').at(-1)!
            return { words: word, commune: town(), radiusKm: radius(), categories: [category] }
          },
          () => ({ commune: town(), radiusKm: radius(), sort: 'newest' }),
          () => ({ commune: town(), radiusKm: radius(), sort: 'urgency' }),
          () => ({ sort: 'newest', commune: '' }),
          () => ({ words: pick(words), sort: 'newest', commune: '' }),
        ])(),
    }
    const run = async (service: SearchService, raw: Record<string, unknown>) => {
      const parsed = parseSearch(raw)
      if (!('query' in parsed)) throw new Error(`bad query ${JSON.stringify(raw)}`)
      return service.search(territory, parsed.query, 'fr')
    }
    const names = Object.keys(kinds)
    for (let i = 0; i < 100; i++) await run(search, kinds[names[i % names.length]!]!())
    for (const name of names) figures[name]![size] = { ms: [], statements: [], buffers: [] }
    const slowest: { name: string; raw: Record<string, unknown>; ms: number }[] = []
    for (let i = 0; i < QUERIES * names.length; i++) {
      const name = names[i % names.length]!
      let raw = kinds[name]!()
      // In the mixed load, one search in five goes on to its next page through its cursor.
      if (name === 'mixed' && random() < 0.2) {
        const first = await run(search, raw)
        if (first.nextCursor) raw = { ...raw, cursor: first.nextCursor }
      }
      const started = performance.now()
      await run(search, raw)
      const ms = performance.now() - started
      figures[name]![size]!.ms.push(ms)
      slowest.push({ name, raw, ms })
    }
    if (process.env.BENCH_SLOWEST) {
      slowest.sort((a, b) => b.ms - a.ms)
      for (const w of slowest.slice(0, Number(process.env.BENCH_SLOWEST)))
        console.log(`  slowest: ${w.ms.toFixed(1)} ms, ${w.name} ${JSON.stringify(w.raw)}`)
    }
    const worst: { name: string; raw: Record<string, unknown>; buffers: number }[] = []
    for (let i = 0; i < SAMPLES * names.length; i++) {
      const name = names[i % names.length]!
      tally.statements = 0
      tally.buffers = 0
      const raw = kinds[name]!()
      await run(explained, raw)
      figures[name]![size]!.statements.push(tally.statements)
      figures[name]![size]!.buffers.push(tally.buffers)
      worst.push({ name, raw, buffers: tally.buffers })
    }
    if (process.env.BENCH_WORST) {
      worst.sort((a, b) => b.buffers - a.buffers)
      for (const w of worst.slice(0, Number(process.env.BENCH_WORST)))
        console.log(`  worst: ${w.buffers} buffers, ${w.name} ${JSON.stringify(w.raw)}`)
    }
    console.log(`\n${size} listings (load ${loadavg()})`)
    for (const name of names) {
      const f = figures[name]![size]!
      console.log(
        `  ${name.padEnd(12)} p50 ${pct(f.ms, 50).toFixed(1).padStart(6)} ms  p95 ${pct(f.ms, 95).toFixed(1).padStart(6)} ms  p99 ${pct(f.ms, 99).toFixed(1).padStart(6)} ms   statements ${mean(f.statements).toFixed(1)}  buffers mean ${mean(f.buffers).toFixed(0).padStart(5)} p95 ${pct(f.buffers, 95).toFixed(0).padStart(5)}`,
      )
    }
    if (process.env.BENCH_PLANS) {
      const { explainSearch } = await import('../src/domains/listings/search.repository.ts')
      // BENCH_PLAN_OF='{"words":"vélo","commune":"14118"}' explains that search instead.
      const chosen = process.env.BENCH_PLAN_OF
      for (const name of chosen ? ['chosen'] : names) {
        const raw = chosen ? (JSON.parse(chosen) as Record<string, unknown>) : kinds[name]!()
        const parsed = parseSearch(raw)
        if (!('query' in parsed)) continue
        const centre = parsed.query.commune ? await communes.find(territory, parsed.query.commune) : null
        const sort = parsed.query.sort ?? (parsed.query.words ? 'relevance' : centre ? 'distance' : 'newest')
        console.log(`\n--- ${size}: plan of « ${name} » (${JSON.stringify(raw)}) ---`)
        console.log(
          await explainSearch(
            database.db,
            {
              territoryId: territory.id,
              kind: null,
              categories: parsed.query.categories,
              words: parsed.query.words,
              centre,
              radiusKm: centre ? Number(parsed.query.radiusKm ?? 10) : null,
              urgency: null,
              now: new Date(),
            },
            { sort, cursor: null, limit: 21 },
          ),
        )
      }
    }
  } finally {
    await done()
  }
}

async function main() {
  console.log(
    `node ${process.version}, ${availableParallelism()} cores, ${url ? 'PostgreSQL' : 'PGlite'}, sizes ${SIZES.join(', ')}, ${QUERIES} searches and ${SAMPLES} explained per kind and size`,
  )
  console.log(`load before: ${loadavg()}`)
  const figures: Record<string, Record<number, Figures>> = {
    'words only': {},
    'place only': {},
    'words+place': {},
    category: {},
    mixed: {},
  }
  for (const size of SIZES) await benchSize(size, figures)
  console.log(`\ngrowth (p95 ms / mean buffers per call), ${url ? 'PostgreSQL' : 'PGlite'}`)
  console.log(`  ${'kind'.padEnd(12)}${SIZES.map((s) => String(s).padStart(18)).join('')}`)
  for (const [name, bySize] of Object.entries(figures)) {
    const cells = SIZES.map((s) => {
      const f = bySize[s]!
      return `${pct(f.ms, 95).toFixed(1)} ms / ${mean(f.buffers).toFixed(0)}`.padStart(18)
    })
    console.log(`  ${name.padEnd(12)}${cells.join('')}`)
  }
  console.log(`load after: ${loadavg()}`)
}

await main()
