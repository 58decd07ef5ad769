// One database's part of bench/http.ts, in its own process (started by it): the server runs here
// on 127.0.0.1 over the database named by the environment, the load comes from a child process,
// and this process measures what only it can see: its event-loop delay and its memory during
// each load, and the SQL statements each kind of request sends. Each route is followed by a bare
// route of the same app that sends a stored copy of the route's response (same bytes, same
// content type) without any work, so the ratio says what the route's work costs on top of
// Fastify, its hooks (territory, session, security headers) and the network.
import { randomBytes } from 'node:crypto'
import { availableParallelism, cpus } from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { openDatabase } from '../src/platform/db/client.ts'
import { migrate } from '../src/platform/db/migrate.ts'
import { childDatabaseEnv, type DatabaseLabel, loadavg, sendResult } from './databases.ts'
import { fillListings } from './http-fill.ts'
import { load, type Run } from './load.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const LISTINGS = Number(process.env.BENCH_LISTINGS ?? 5000)
const QUERY = 'words=courses&commune=14118&radiusKm=20'
/** How often the delay monitor's timer fires; the delay is what it fires late beyond that. */
const ELD_RESOLUTION_MS = 5
const MB = 1024 * 1024

/** What one load phase measured, on the client's side and in the server. */
export interface Phase {
  run: Run
  /** event-loop delay p99 during the load, in ms beyond the monitor's own period */
  eldP99: number
  rssMaxMb: number
  /** statements sent during the phase, per request the server received in it */
  sqlUnderLoad: number
}

export interface RouteResult {
  label: string
  bytes: number
  /** statements sent by one request, caches warm */
  sql: number
  bareSql: number
  real: Phase
  bare: Phase
}

export interface HttpResult {
  database: DatabaseLabel
  header: string
  rssIdleMb: number
  /** the JavaScript heap's part of it */
  heapIdleMb: number
  loadavgStart: string
  loadavgEnd: string
  routes: RouteResult[]
}

const targets = [
  { name: 'search-page', label: 'search page  GET /annonces?…', path: `/annonces?${QUERY}` },
  {
    name: 'search-api',
    label: 'search API   GET /api/v1/listings/search?…',
    path: `/api/v1/listings/search?${QUERY}`,
  },
  { name: 'listing', label: 'listing page GET /annonces/{id}', path: '' },
  { name: 'home', label: 'home page    GET /', path: '/' },
]

async function main(): Promise<HttpResult> {
  const loadavgStart = loadavg()
  // Production settings (no dev tools, the real error pages); no mail leaves: jobs are off.
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    PUBLIC_URL: 'http://127.0.0.1',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    APP_SECRET: randomBytes(32).toString('hex'),
    // Production keeps visitors' pages a second (PAGE_CACHE_MS); PAGE_CACHE_MS=0 measures each rendering.
    ...(process.env.PAGE_CACHE_MS === undefined ? {} : { PAGE_CACHE_MS: process.env.PAGE_CACHE_MS }),
    ...childDatabaseEnv(),
  })
  // Counted only while a measure is armed: migrations and the bench's own writes are not the app's.
  const sql = { armed: false, count: 0, requests: 0 }
  const database = await openDatabase(config.database, {
    onStatement: () => {
      if (sql.armed) sql.count++
    },
  })
  await migrate(database)
  const app = await buildApp({ config, database, logger: false })
  // The bare routes: the same hooks as every route, no territory lookup, no work.
  const bare = new Map(targets.map((t) => [t.name, { type: 'text/plain', body: '' }]))
  for (const t of targets) {
    app.get(
      `/bench/bare-${t.name}`,
      { config: { permission: 'public', scope: null, territory: false } },
      async (_req, reply) => reply.type(bare.get(t.name)!.type).send(bare.get(t.name)!.body),
    )
  }
  // Requests as the server sees them: those still in flight when the load stops are finished
  // (and their statements counted) after autocannon has stopped counting them.
  app.addHook('onRequest', async () => {
    if (sql.armed) sql.requests++
  })
  await app.ready()
  try {
    const territory = await app.services.territories.create({
      slug: `bench-${randomBytes(4).toString('hex')}`,
      departements: ['14'],
      platformName: 'Entraide Calvados',
      hostnames: ['127.0.0.1'],
    })
    const header =
      `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ` +
      `${LISTINGS} listings, ${CONNECTIONS} connections, ${SECONDS} s per run, ` +
      (config.pageCacheMs > 0 ? `visitors' pages kept ${config.pageCacheMs} ms` : 'no page kept')
    await fillListings(database, territory.id, LISTINGS)
    const base = new URL(await app.listen({ host: '127.0.0.1', port: 0 })).origin

    // The second of two requests in a row, so a cache that expired (the host's territory is kept
    // 30 s) does not make one figure jump; the figure under load includes such refreshes.
    const counted = async (path: string, warm = true) => {
      if (warm) await (await fetch(`${base}${path}`)).arrayBuffer()
      sql.count = 0
      sql.armed = true
      const res = await fetch(`${base}${path}`)
      const body = await res.text()
      sql.armed = false
      return { res, body, statements: sql.count }
    }
    for (const t of targets) {
      if (t.name === 'listing') {
        const api = await fetch(`${base}/api/v1/listings/search?${QUERY}`)
        const first = ((await api.json()) as { results: { id: string }[] }).results[0]
        if (!first) throw new Error('the search API found no listing to open')
        t.path = `/annonces/${first.id}`
      }
      const { res, body } = await counted(t.path, false)
      const type = res.headers.get('content-type') ?? 'text/plain'
      if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`)
      if (t.name.startsWith('search')) {
        const found = type.includes('json')
          ? (JSON.parse(body) as { results: unknown[] }).results.length
          : (body.match(/courses/gi) ?? []).length
        if (found === 0) throw new Error(`${t.path} found nothing`)
      }
      console.log(`${t.label}: ${res.status}, ${Buffer.byteLength(body)} bytes, ${type}`)
      bare.set(t.name, { type, body })
      // A route's first request (its schemas compiled, its modules loaded) can hold the loop long
      // enough for the load shedder to refuse the next ones for a moment (503): wait it out.
      let copy = await fetch(`${base}/bench/bare-${t.name}`)
      for (let i = 0; copy.status === 503 && i < 10; i++) {
        await new Promise((r) => setTimeout(r, 500))
        copy = await fetch(`${base}/bench/bare-${t.name}`)
      }
      if (copy.status !== 200 || Buffer.byteLength(await copy.text()) !== Buffer.byteLength(body))
        throw new Error(`the bare route does not answer like ${t.path}: ${copy.status}`)
    }
    // Idle: after the fill and the first requests, once the garbage collector has run.
    ;(globalThis as { gc?: () => void }).gc?.()
    await new Promise((r) => setTimeout(r, 500))
    const idle = process.memoryUsage()
    const rssIdleMb = idle.rss / MB
    const heapIdleMb = idle.heapUsed / MB

    // A short warm-up of each route (JIT, caches, the database's buffers) before the measures.
    for (const t of targets) await load(`${base}${t.path}`, { seconds: WARMUP, connections: CONNECTIONS })
    await load(`${base}/bench/bare-home`, { seconds: WARMUP, connections: CONNECTIONS })

    const eld = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS })
    const phase = async (path: string): Promise<Phase> => {
      let rssMax = 0
      let sampler: NodeJS.Timeout | undefined
      const sample = () => {
        rssMax = Math.max(rssMax, process.memoryUsage.rss())
      }
      sql.count = 0
      sql.requests = 0
      const run = await load(`${base}${path}`, {
        seconds: SECONDS,
        connections: CONNECTIONS,
        onStart: () => {
          eld.reset()
          eld.enable()
          sql.armed = true
          sampler = setInterval(sample, 100)
        },
        onEnd: () => {
          eld.disable()
          clearInterval(sampler)
          sample()
        },
      })
      // The requests received before the load stopped end within moments: wait until no statement
      // has been sent for 200 ms (at most 10 s), so each one's statements are all counted.
      for (let i = 0, seen = -1; i < 50 && seen !== sql.count; i++) {
        seen = sql.count
        await new Promise((r) => setTimeout(r, 200))
      }
      sql.armed = false
      return {
        run,
        eldP99: Math.max(0, eld.percentile(99) / 1e6 - ELD_RESOLUTION_MS),
        rssMaxMb: rssMax / MB,
        sqlUnderLoad: sql.requests ? sql.count / sql.requests : 0,
      }
    }

    const routes: RouteResult[] = []
    for (const t of targets) {
      const one = await counted(t.path)
      const bareOne = await counted(`/bench/bare-${t.name}`)
      const real = await phase(t.path)
      const plain = await phase(`/bench/bare-${t.name}`)
      routes.push({
        label: t.label,
        bytes: Buffer.byteLength(bare.get(t.name)!.body),
        sql: one.statements,
        bareSql: bareOne.statements,
        real,
        bare: plain,
      })
    }
    return {
      database: process.env.BENCH_DATABASE as DatabaseLabel,
      header,
      rssIdleMb,
      heapIdleMb,
      loadavgStart,
      loadavgEnd: loadavg(),
      routes,
    }
  } finally {
    await app.close()
    await database.close()
  }
}

await sendResult(await main())
