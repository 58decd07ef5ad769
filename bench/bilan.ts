// The bilan at scale: a listing's life in stat events (posted, responded — a fifth of them twice —,
// fulfilled), with accounts, calls, missions' slots and campaigns, spread over two years, the
// communes of Calvados, 12 categories and 50,000 volunteers, written with generate_series. Folds
// them all into the rollups (time, events per second), then prints readFigures' p50/p95/p99 for
// the dashboard's usual filters beside a bare `select 1` round trip, the time to fold 10,000 new
// events on top, and the open-data read. Asserts nothing.
// PostgreSQL: a database `entraide_bench_bilan` created on BENCH_PG_URL and dropped at the end;
// PGlite: a temporary directory.
//
//   node --import tsx bench/bilan.ts   BENCH_PG_LISTINGS=1000000 BENCH_PGLITE_LISTINGS=100000
//                                      BENCH_ONLY=pglite|postgres BENCH_READS=60
//                                      BENCH_KEEP=1 (leave the PostgreSQL database, for EXPLAIN)
//                                      BENCH_READS_ONLY=1 (time the reads again on the database kept)
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { type SQL, sql } from 'drizzle-orm'
import pg from 'pg'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { readFigures } from '../src/domains/statistics/figures.repository.ts'
import { readMonthlyCells } from '../src/domains/statistics/publication.repository.ts'
import { foldNewEvents } from '../src/domains/statistics/rollup.ts'
import { openDatabase } from '../src/platform/db/client.ts'
import { migrate } from '../src/platform/db/migrate.ts'
import { loadavg } from './databases.ts'
import { percentile } from './in-process.ts'

const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://entraide:entraide@127.0.0.1:5432/postgres'
const PG_DATABASE = 'entraide_bench_bilan'
const READS = Number(process.env.BENCH_READS ?? 60)
const only = process.env.BENCH_ONLY
/** with BENCH_KEEP's database left by a previous run: the reads only */
const readsOnly = process.env.BENCH_READS_ONLY === '1'
const START = '2024-12-01T00:00:00Z'
const LAST_12 = { from: '2025-12', to: '2026-11' }

type Db = Awaited<ReturnType<typeof openDatabase>>['db']

const ms = (n: number) => `${n.toFixed(1)} ms`
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now()
  const result = await fn()
  return [result, performance.now() - t0]
}
async function one(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, unknown>> {
  const r = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }
  return r.rows[0] ?? {}
}

/**
 * One of 50,000 volunteers, mostly one living near the place drawn as `u` (a commune's share of
 * [0, 1) is its share of the asks, so its pool of volunteers is in proportion): volunteers answer
 * asks around their home, as the search shows them (10 km by default), and one time in ten anywhere.
 */
const volunteerNear = (u: SQL) =>
  sql`'v' || floor(case when random() < 0.1 then random()
    else least(0.99999, greatest(0, ${u} + (random() - 0.5) * 0.002)) end * 50000)::int`

/**
 * Listing i is posted at START + i/N of two years (events arrive in time order, as they do), in a
 * commune drawn with a skew towards the first ones (towns draw more asks than hamlets).
 */
async function generate(db: Db, territoryId: string, listings: number): Promise<number> {
  const communes = sql`(select array_agg(insee order by population desc) from communes where departement = '14')`
  await db.execute(sql`insert into stat_events
      (territory_id, kind, subject_id, occurred_at, commune_insee, category_id, actor_key, dedupe_key)
    select ${territoryId}::uuid, e.kind, l.sid, e.at, e.commune, e.category, e.actor, e.dedupe
    from (
      select i, md5('bilan-' || i)::uuid as sid,
        ${START}::timestamptz + (i::float8 / ${listings}) * interval '730 days' as posted,
        (${communes})[1 + floor(power(u, 2) * (select count(*) from communes where departement = '14'))::int] as commune,
        'cat-' || (1 + floor(random() * 12))::int as category,
        ${volunteerNear(sql`u`)} as v1, ${volunteerNear(sql`u`)} as v2,
        random() as r1, random() as r2, random() as r3, random() as r5
      from generate_series(1, ${listings}) i, lateral (select random() + i * 0 as u) place
    ) l
    cross join lateral (values
      (case when l.r1 < 0.8 then 'ask.posted' else 'offer.posted' end, l.posted, l.commune, l.category,
        null::text, (case when l.r1 < 0.8 then 'ask.posted:' else 'offer.posted:' end) || l.sid),
      (case when l.r2 < 0.7 then 'listing.responded' end, l.posted + power(l.r3, 3) * interval '200 hours',
        null, null, l.v1, null),
      (case when l.r2 < 0.2 then 'listing.responded' end, l.posted + power(l.r3, 3) * interval '200 hours' + interval '3 hours',
        null, null, l.v2, null),
      (case when l.r2 < 0.5 then 'listing.fulfilled' end, l.posted + (power(l.r3, 3) * 200 + 24 + l.r5 * 300) * interval '1 hour',
        null, null, l.v1, null)
    ) e(kind, at, commune, category, actor, dedupe)
    where e.kind is not null
    order by l.i`)
  // The rest of a territory's life, in proportion: accounts, calls, slots, campaigns, cases.
  await db.execute(sql`insert into stat_events
      (territory_id, kind, occurred_at, commune_insee, actor_key, quantity, outcome)
    select ${territoryId}::uuid, k.kind,
      ${START}::timestamptz + (i::float8 / ${listings}) * interval '730 days',
      (${communes})[1 + floor(power(place.u, 2) * (select count(*) from communes where departement = '14'))::int],
      case when k.kind in ('call.made', 'mission.slot-filled') then ${volunteerNear(sql`place.u`)} end,
      case when k.kind like 'campaign.%' then 1 + floor(random() * 50)::int else 1 end,
      case when k.kind = 'call.made' then (array['reached', 'no-answer', 'callback', 'alert'])[1 + floor(random() * 4)::int]
        when k.kind = 'phone-case.closed' then (array['resolved', 'referred'])[1 + floor(random() * 2)::int] end
    from generate_series(1, ${listings}) i
    cross join lateral (select random() + i * 0 as u) place
    cross join lateral (values
      (case when i % 20 = 0 then 'account.created' end),
      (case when i % 5 < 2 then 'call.made' end),
      (case when i % 10 = 3 then 'mission.slot-filled' end),
      (case when i % 100 = 7 then 'mission.posted' end),
      (case when i % 50 = 9 then 'campaign.made' end),
      (case when i % 50 = 19 then 'campaign.distributed' end),
      (case when i % 40 = 11 then 'phone-case.opened' end),
      (case when i % 40 = 31 then 'phone-case.closed' end)
    ) k(kind)
    where k.kind is not null
    order by i`)
  return Number((await one(db, sql`select count(*) as n from stat_events`)).n)
}

/** 10,000 events of the last days of the range, as a minute of a busy territory would bring. */
async function addNewEvents(db: Db, territoryId: string): Promise<void> {
  await db.execute(sql`insert into stat_events (territory_id, kind, subject_id, occurred_at, commune_insee, category_id, actor_key)
    select ${territoryId}::uuid, case when i % 2 = 0 then 'ask.posted' else 'call.made' end,
      md5('new-' || i || '-' || clock_timestamp())::uuid, ${START}::timestamptz + interval '729 days' + i * interval '1 second',
      (select insee from communes where departement = '14' order by population desc offset (i % 50) limit 1),
      case when i % 2 = 0 then 'cat-' || (1 + i % 12) end, case when i % 2 = 1 then 'v' || (i % 50000) end
    from generate_series(1, 10000) i`)
}

async function latencies(fn: () => Promise<unknown>): Promise<number[]> {
  await fn()
  const times: number[] = []
  for (let i = 0; i < READS; i++) times.push((await timed(fn))[1])
  return times.sort((a, b) => a - b)
}

async function run(label: string, env: Record<string, string>, listings: number): Promise<void> {
  console.log(`\n== ${label}: ${listings.toLocaleString('en')} listings ==`)
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', ...env })
  const database = await openDatabase(config.database)
  try {
    await migrate(database)
    const app = await buildApp({ config, database, logger: false })
    await app.ready()
    const { db } = database
    const territory = readsOnly
      ? { id: String((await one(db, sql`select id from territories where slug = 'bilan'`)).id) }
      : await app.services.territories.create({
          slug: 'bilan',
          departements: ['14'],
          platformName: 'Entraide Calvados',
          hostnames: ['bilan.localhost'],
        })
    if (!readsOnly) {
      const [events, genMs] = await timed(() => generate(db, territory.id, listings))
      console.log(`generated ${events.toLocaleString('en')} stat_events in ${(genMs / 1000).toFixed(1)} s`)
      console.log(`loadavg before the fold: ${loadavg()}`)
      const [fold, foldMs] = await timed(() =>
        foldNewEvents(app.services, { budgetMs: Number.POSITIVE_INFINITY }),
      )
      console.log(
        `fold: ${fold.events.toLocaleString('en')} events in ${fold.batches} batches, ${(foldMs / 1000).toFixed(1)} s, ` +
          `${Math.round(fold.events / (foldMs / 1000)).toLocaleString('en')} events/s, skipped ${fold.skipped}`,
      )
      // What autovacuum does after such a load on PostgreSQL: the tables' sizes for the planner, and
      // the visibility map that lets the breakdowns read their covering indexes alone. The embedded
      // database has no autovacuum: the fold analyzes its tables as they grow, and nothing more.
      await db.execute(
        app.services.database.kind === 'postgres'
          ? sql`vacuum analyze stat_rollups, stat_actors, stat_volunteer_months, stat_subjects`
          : sql`analyze stat_rollups, stat_actors, stat_volunteer_months, stat_subjects`,
      )
    }
    const sizes = await one(
      db,
      sql`select (select count(*) from stat_rollups) as rollups, (select count(*) from stat_actors) as actors,
        (select count(*) from stat_volunteer_months) as volunteer_months, (select count(*) from stat_subjects) as subjects`,
    )
    console.log(
      `rows: stat_rollups ${sizes.rollups}, stat_actors ${sizes.actors}, ` +
        `stat_volunteer_months ${sizes.volunteer_months}, stat_subjects ${sizes.subjects}`,
    )
    const busiest = String(
      (
        await one(
          db,
          sql`select insee from communes where departement = '14' order by population desc limit 1`,
        )
      ).insee,
    )
    const filters = {
      'whole territory, last 12 months': {},
      'one commune': { commune: busiest },
      'one category': { category: 'cat-3' },
      'commune and category': { commune: busiest, category: 'cat-3' },
    }
    console.log(`loadavg before the reads: ${loadavg()}`)
    const bare = await latencies(() => db.execute(sql`select 1`))
    const line = (name: string, t: number[]) =>
      console.log(
        `${name.padEnd(34)} p50 ${ms(percentile(t, 50)).padStart(10)}  p95 ${ms(percentile(t, 95)).padStart(10)}  ` +
          `p99 ${ms(percentile(t, 99)).padStart(10)}  p50 / select 1: ${(percentile(t, 50) / percentile(bare, 50)).toFixed(0)}×`,
      )
    line('select 1', bare)
    for (const [name, filter] of Object.entries(filters))
      line(
        name,
        await latencies(() => readFigures(db, { territoryId: territory.id, months: LAST_12, ...filter })),
      )
    // What the open data and the public page read: every monthly cell of the last 12 months.
    const [cells, cellsMs] = await timed(() => readMonthlyCells(db, territory.id, LAST_12))
    console.log(
      `open data (readMonthlyCells, last 12 months): ${cells.length.toLocaleString('en')} cells in ${ms(cellsMs)}`,
    )
    await addNewEvents(db, territory.id)
    const [more, moreMs] = await timed(() => foldNewEvents(app.services))
    console.log(`fold of ${more.events.toLocaleString('en')} new events on top: ${ms(moreMs)}`)
    console.log(`loadavg after: ${loadavg()}`)
    await app.close()
  } finally {
    await database.close()
  }
}

async function main() {
  console.log(`loadavg at start: ${loadavg()}`)
  if (only !== 'postgres') {
    const dir = await mkdtemp(join(tmpdir(), 'entraide-bench-bilan-'))
    try {
      await run(
        'PGlite',
        { PGLITE_DIR: join(dir, 'db') },
        Number(process.env.BENCH_PGLITE_LISTINGS ?? 100_000),
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  if (only !== 'pglite') {
    const admin = new pg.Client({ connectionString: PG_ADMIN })
    await admin.connect()
    if (!readsOnly) {
      await admin.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`)
      await admin.query(`CREATE DATABASE ${PG_DATABASE}`)
    }
    const url = new URL(PG_ADMIN)
    url.pathname = `/${PG_DATABASE}`
    try {
      await run(
        'PostgreSQL',
        { DATABASE_URL: url.toString() },
        Number(process.env.BENCH_PG_LISTINGS ?? 1_000_000),
      )
    } finally {
      if (!process.env.BENCH_KEEP) await admin.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`)
      await admin.end()
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
