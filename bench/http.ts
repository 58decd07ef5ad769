// Requests per second and latency of the search page (GET /annonces) and the search API (GET
// /api/v1/listings/search) over HTTP with autocannon, each against a bare route of the same app
// that sends a stored copy of the same response (same bytes, same content type) without any work:
// the ratio says what the search and the rendering cost on top of Fastify, its hooks (territory,
// session, security headers) and the network. The server runs in this process on 127.0.0.1; the
// load comes from a child process, so the client does not share the server's event loop.
// A fresh embedded database, or DATABASE_URL (a throwaway database: the bench leaves its territory
// and listings there). Prints figures; asserts nothing.
//
//   node --import tsx bench/http.ts          BENCH_SECONDS=20 BENCH_CONNECTIONS=10 BENCH_LISTINGS=5000
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { type Database, openDatabase } from '../src/platform/db/client.ts'
import { migrate } from '../src/platform/db/migrate.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 5000)
const QUERY = 'words=courses&commune=14118&radiusKm=20'

/** What the child sends back of autocannon's result. */
interface Run {
  requests: number
  rps: number
  p50: number
  p99: number
  non2xx: number
  errors: number
  timeouts: number
  bytesPerSecond: number
}

/** The part of autocannon's programmatic API used here (the package ships no types). */
type Autocannon = (opts: {
  url: string
  connections: number
  duration: number
  headers?: Record<string, string>
}) => Promise<{
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  throughput: { average: number }
  non2xx: number
  errors: number
  timeouts: number
}>

/** Child: one autocannon run against the URL in BENCH_CLIENT_URL, its figures as JSON on stdout. */
async function client(url: string, duration: number) {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon
  const r = await autocannon({ url, connections: CONNECTIONS, duration })
  const run: Run = {
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerSecond: r.throughput.average,
  }
  console.log(JSON.stringify(run))
}

function load(url: string, duration = SECONDS): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_CLIENT_URL: url, BENCH_CLIENT_SECONDS: String(duration) },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? ''
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`load child exited ${code}: ${out}`))
      else resolve(JSON.parse(last) as Run)
    })
  })
}

/** Published listings (and some that are not) over the Calvados communes, weighted by population. */
async function fill(database: Database, territoryId: string) {
  const { db } = database
  const t0 = performance.now()
  await db.execute(sql`insert into accounts (id, territory_id, email, email_verified_at, display_name, commune_insee,
      charter_version, charter_accepted_at, privacy_version, privacy_accepted_at, created_at, updated_at)
    select gen_random_uuid(), ${territoryId}, 'bench-http-' || g || '@exemple.test', now(), 'Habitant ' || g, '14118',
      '1', now(), '1', now(), now(), now()
    from generate_series(1, 500) g`)
  await db.execute(sql`create temp table bench_communes as
    select insee, latitude, longitude, sum(population) over (order by insee)::float8 / sum(population) over () as hi
    from communes where departement = '14'`)
  const titles = [
    'Besoin d’aide pour les courses',
    'Je propose de faire vos courses du samedi',
    'Courses et pharmacie une fois par semaine',
    'Aide pour installer un ordinateur',
    'Promenade du chien le matin',
    'Tonte de la pelouse',
    'Aide aux devoirs de mathématiques',
    'Un rendez-vous médical à Caen',
  ]
  const titleArray = sql.raw(`array[${titles.map((t) => `'${t.replace(/'/g, "''")}'`).join(',')}]`)
  await db.execute(sql`
    with cats as (select array_agg(id order by position) as ids from categories where territory_id = ${territoryId}),
    authors as (select array_agg(id) as ids from accounts where territory_id = ${territoryId}),
    pick as (
      select g, (random() * 1000000)::int as r, random() as w, random() as s, random() as d
      from generate_series(1, ${LISTINGS}) g
    ),
    rows as (
      select p.*, c.insee, c.latitude, c.longitude
      from pick p, lateral (select insee, latitude, longitude from bench_communes
        where hi >= p.w + 0 * p.g order by hi limit 1) c
    )
    insert into listings (id, territory_id, author_id, kind, category_id, title, description, commune_insee,
      latitude, longitude, when_kind, urgency, charter_version, status, created_at, updated_at, published_at, expires_at)
    select gen_random_uuid(), ${territoryId}, (select ids from authors)[1 + r % 500],
      case when r % 5 < 3 then 'ask' else 'offer' end,
      (select ids[1 + r % cardinality(ids)] from cats),
      (${titleArray})[1 + r % ${titles.length}],
      'Une aide simple, près de chez moi. Merci d’avance, à bientôt.',
      insee, latitude, longitude, 'flexible', (array['today', 'week', 'no-rush', null])[1 + (r / 13) % 4], '1',
      case when s < 0.8 then 'published' else 'closed' end,
      now() - d * interval '60 days', now(), now() - d * interval '60 days',
      case when s < 0.8 then now() + interval '30 days' else now() - interval '1 day' end
    from rows`)
  await db.execute(sql`drop table bench_communes`)
  await db.execute(sql`analyze`)
  console.log(`${LISTINGS} listings written in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}

async function main() {
  const dir = process.env.DATABASE_URL ? null : await mkdtemp(join(tmpdir(), 'entraide-bench-http-'))
  // Production settings (no dev tools, the real error pages); no mail leaves: jobs are off.
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    PUBLIC_URL: 'http://127.0.0.1',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    APP_SECRET: randomBytes(32).toString('hex'),
    ...(process.env.DATABASE_URL
      ? { DATABASE_URL: process.env.DATABASE_URL }
      : { PGLITE_DIR: join(dir!, 'db') }),
  })
  const database = await openDatabase(config.database)
  await migrate(database)
  const app = await buildApp({ config, database, logger: false })
  // The bare routes: the same hooks as every route, no territory lookup, no work; each sends the
  // copy of a real response stored below, once it has been fetched.
  const bare = { page: { type: 'text/plain', body: '' }, api: { type: 'text/plain', body: '' } }
  for (const name of ['page', 'api'] as const) {
    app.get(
      `/bench/bare-${name}`,
      { config: { permission: 'public', scope: null, territory: false } },
      async (_req, reply) => reply.type(bare[name].type).send(bare[name].body),
    )
  }
  await app.ready()
  try {
    const run = randomBytes(4).toString('hex')
    const territory = await app.services.territories.create({
      slug: `bench-${run}`,
      departements: ['14'],
      platformName: 'Entraide Calvados',
      hostnames: ['127.0.0.1'],
    })
    console.log(
      `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${database.kind}, ` +
        `${CONNECTIONS} connections, ${SECONDS} s per run`,
    )
    await fill(database, territory.id)
    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    const base = new URL(address).origin

    const targets = [
      { label: 'GET /annonces', path: `/annonces?${QUERY}`, bare: 'page' as const },
      {
        label: 'GET /api/v1/listings/search',
        path: `/api/v1/listings/search?${QUERY}`,
        bare: 'api' as const,
      },
    ]
    for (const t of targets) {
      const res = await fetch(`${base}${t.path}`)
      const body = await res.text()
      const type = res.headers.get('content-type') ?? 'text/plain'
      const count = type.includes('json')
        ? (JSON.parse(body) as { results: unknown[] }).results.length
        : (body.match(/courses/gi) ?? []).length
      console.log(
        `${t.label}: ${res.status}, ${Buffer.byteLength(body)} bytes, ${type}, ` +
          `${type.includes('json') ? `${count} results` : `« courses » ${count} times`}`,
      )
      if (res.status !== 200 || count === 0) throw new Error(`${t.path} gave no results: ${res.status}`)
      bare[t.bare] = { type, body }
      const check = await fetch(`${base}/bench/bare-${t.bare}`)
      const copy = await check.text()
      if (check.status !== 200 || Buffer.byteLength(copy) !== Buffer.byteLength(body))
        throw new Error(`the bare route does not answer like ${t.path}`)
    }

    // A short warm-up of each route (JIT, caches, the database's buffers) before the measures.
    for (const t of targets) await load(`${base}${t.path}`, 2)
    const rows: { label: string; run: Run; ratio: number | null }[] = []
    for (const t of targets) {
      const real = await load(`${base}${t.path}`)
      const plain = await load(`${base}/bench/bare-${t.bare}`)
      rows.push({ label: t.label, run: real, ratio: real.rps / plain.rps })
      rows.push({
        label: `  bare route, same ${Buffer.byteLength(bare[t.bare].body)} bytes`,
        run: plain,
        ratio: null,
      })
    }

    console.log(
      `\n${'route'.padEnd(40)} ${'req/s'.padStart(8)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'vs bare'.padStart(16)}   requests  non-2xx  errors`,
    )
    for (const { label, run: r, ratio } of rows) {
      console.log(
        `${label.padEnd(40)} ${r.rps.toFixed(0).padStart(8)} ${`${r.p50} ms`.padStart(7)} ${`${r.p99} ms`.padStart(7)} ` +
          `${(ratio === null ? '' : `${(ratio * 100).toFixed(1)} % (÷${(1 / ratio).toFixed(0)})`).padStart(16)}   ${String(r.requests).padStart(8)}` +
          `  ${String(r.non2xx).padStart(7)}  ${String(r.errors + r.timeouts).padStart(6)}`,
      )
    }
    console.log(
      '\nvs bare: the route’s requests per second as a share of the bare route’s, which sends the same bytes (÷: how many times fewer).',
    )
  } finally {
    await app.close()
    await database.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  }
}

if (process.env.BENCH_CLIENT_URL)
  await client(process.env.BENCH_CLIENT_URL, Number(process.env.BENCH_CLIENT_SECONDS ?? SECONDS))
else await main()
