import { timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Counter, Histogram, Registry } from 'prom-client'
import type { Database } from '../db/client.ts'
import type { JobQueue } from '../jobs/queue.ts'
import type { LoadShedder } from './load-shedding.ts'

export interface MetricsOptions {
  /** bearer token a scraper sends to the app's own /metrics */
  token: string | undefined
  /** a private address where a second, small server answers /metrics without a token */
  listen: { host: string; port: number } | undefined
  database: Database
  jobs: JobQueue
  /** counts the requests refused under overload */
  shedder?: LoadShedder
  /** counts what became of each try of an SMS */
  sms?: { onOutcome(listener: (outcome: string) => void): void }
}

/** Requests that matched no route share one label, so a scanner cannot grow the label set. */
const UNMATCHED = 'unmatched'

/**
 * Prometheus metrics for this process. Each app has its own registry, so that several apps in
 * one process (tests) do not share counters. Requests are labelled by route pattern, never the
 * raw URL: a URL holds ids and tokens, and one series per URL would grow without bound.
 */
export async function createMetrics(
  options: Pick<MetricsOptions, 'database' | 'jobs' | 'shedder' | 'sms'>,
): Promise<Registry> {
  // loaded only where metrics are served: ~50 ms of CPU that a start without them does not pay
  const { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } = await import('prom-client')
  const registry = new Registry()
  // Event-loop delay, memory, CPU and handles: the process's own health.
  collectDefaultMetrics({ register: registry })
  const labelNames = ['method', 'route', 'status'] as const
  new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered',
    labelNames,
    registers: [registry],
  })
  new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  // Both databases are reached through a pool, the embedded one over its thread's socket.
  const pool = options.database.pool
  const poolGauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read())
      },
    })
  poolGauge('db_pool_connections', 'Connections the pool holds', () => pool.totalCount)
  poolGauge('db_pool_idle_connections', 'Connections idle in the pool', () => pool.idleCount)
  poolGauge('db_pool_waiting_requests', 'Queries waiting for a free connection', () => pool.waitingCount)
  if (options.shedder) {
    const shed = new Counter({
      name: 'http_requests_shed_total',
      help: 'Requests refused with 503 because the process was overloaded (event-loop delay or pool queue)',
      labelNames: ['reason'] as const,
      registers: [registry],
    })
    options.shedder.onShed((reason) => shed.inc({ reason }))
  }
  if (options.sms) {
    const outcomes = new Counter({
      name: 'sms_outcomes_total',
      help: 'Tries of an SMS by outcome: sent, held-cap (the day’s cap reached), stopped (the number answered STOP), failed (refused for good), retried (a try failed and is repeated)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    })
    options.sms.onOutcome((outcome) => outcomes.inc({ outcome }))
  }
  new Gauge({
    name: 'jobs_due',
    help: 'Jobs due and not yet taken by a worker (all processes)',
    registers: [registry],
    async collect() {
      this.set(await options.jobs.countDue())
    },
  })
  return registry
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export const metrics = fp(
  async (app: FastifyInstance, options: MetricsOptions) => {
    const { token, listen } = options
    if (!token && !listen) return
    const registry = await createMetrics(options)
    const requests = registry.getSingleMetric('http_requests_total') as Counter<'method' | 'route' | 'status'>
    const durations = registry.getSingleMetric('http_request_duration_seconds') as Histogram<
      'method' | 'route' | 'status'
    >
    app.addHook('onResponse', async (req, reply) => {
      const labels = {
        method: req.method,
        route: req.routeOptions.url ?? UNMATCHED,
        status: String(reply.statusCode),
      }
      requests.inc(labels)
      durations.observe(labels, reply.elapsedTime / 1000)
    })
    if (listen) servePrivately(app, registry, listen)
    if (!token) return
    app.get(
      '/metrics',
      {
        schema: { hide: true },
        // The bearer token is the permission: a scraper has no account.
        config: { permission: 'public', scope: null, territory: false },
        logLevel: 'warn',
      },
      async (req, reply) => {
        const sent = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
        if (!sent || !sameToken(sent, token)) {
          return reply.code(401).header('WWW-Authenticate', 'Bearer realm="metrics"').send()
        }
        return reply.type(registry.contentType).send(await registry.metrics())
      },
    )
  },
  { name: 'metrics' },
)

/**
 * Serves /metrics on an address only the monitoring network reaches (METRICS_LISTEN), so that
 * Prometheus needs no token and the public port has no /metrics at all. It starts with the app
 * (a port already taken fails the start) and closes with it.
 */
function servePrivately(app: FastifyInstance, registry: Registry, listen: { host: string; port: number }) {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end()
      return
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    )
  })
  app.decorate('metricsAddress', () => server.address() as AddressInfo | null)
  app.addHook('onReady', async () => {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(listen.port, listen.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  })
  app.addHook('onClose', async () => {
    if (server.listening) await new Promise((resolve) => server.close(resolve))
  })
}

declare module 'fastify' {
  interface FastifyInstance {
    /** where the private metrics server listens, when METRICS_LISTEN is set and the app is ready */
    metricsAddress?: () => AddressInfo | null
  }
}
