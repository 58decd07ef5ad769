import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { isLocale, negotiateLocale, translator } from '../i18n/i18n.ts'
import { sendError } from './errors.ts'
import { LANG_COOKIE } from './request-context.ts'

/** A burst passes in seconds: the client should come back soon, not after a restart's 30 s. */
export const SHED_RETRY_AFTER_SECONDS = 5
/** How often the event loop's delay is read; a tick that comes late is itself the measure. */
const SAMPLE_MS = 100
const RESOLUTION_MS = 10
/** After a late tick, refuse a little longer: the requests queued meanwhile arrive all at once. */
const HOLD_MS = 3 * SAMPLE_MS

export type ShedReason = 'event-loop' | 'pool'

export interface LoadSheddingOptions {
  /** event-loop delay above which requests are refused; 0: never */
  eventLoopDelayMs: number
  /** how long the oldest query may have waited for a pool connection before requests are refused; 0: never */
  poolWaitMs: number
  /** the database pool (both databases are reached through one) */
  pool?: { oldestWaitMs(now?: number): number } | undefined
}

/**
 * Decides whether the process is overloaded. Two signs: the event loop answers late (CPU
 * saturated, or a long synchronous task), or queries queue for a database connection. Both
 * mean a new request would wait seconds behind the others; a 503 at once is kinder.
 */
export class LoadShedder {
  readonly #options: LoadSheddingOptions
  readonly #histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  #timer: NodeJS.Timeout | undefined
  #lastTick = performance.now()
  #lateUntil = 0
  readonly #listeners: ((reason: ShedReason) => void)[] = []

  constructor(options: LoadSheddingOptions) {
    this.#options = options
  }

  start(): void {
    if (this.#options.eventLoopDelayMs <= 0 || this.#timer) return
    this.#histogram.enable()
    this.#lastTick = performance.now()
    this.#timer = setInterval(() => this.#sample(), SAMPLE_MS)
    this.#timer.unref()
  }

  stop(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
    this.#histogram.disable()
  }

  /** Called for each request shed, with why: the metrics count them. */
  onShed(listener: (reason: ShedReason) => void): void {
    this.#listeners.push(listener)
  }

  #sample() {
    const now = performance.now()
    const late = now - this.#lastTick - SAMPLE_MS
    this.#lastTick = now
    // One long stall shows as a late tick; many short ones as a high mean delay.
    const mean = this.#histogram.count > 0 ? this.#histogram.mean / 1e6 - RESOLUTION_MS : 0
    this.#histogram.reset()
    if (Math.max(late, mean) > this.#options.eventLoopDelayMs) this.#lateUntil = now + HOLD_MS
  }

  /** Why a request arriving now should be refused, or null to serve it. */
  reason(): ShedReason | null {
    const { eventLoopDelayMs, poolWaitMs, pool } = this.#options
    if (eventLoopDelayMs > 0 && this.#timer) {
      // A tick overdue means the loop is blocked right now, before the timer can say so.
      const now = performance.now()
      if (now < this.#lateUntil || now - this.#lastTick - SAMPLE_MS > eventLoopDelayMs) return 'event-loop'
    }
    // A query that has waited that long for a connection: the others queue behind it.
    if (poolWaitMs > 0 && pool && pool.oldestWaitMs() > poolWaitMs) return 'pool'
    return null
  }

  shed(reason: ShedReason): void {
    for (const listener of this.#listeners) listener(reason)
  }
}

/**
 * Refuses requests with 503 and Retry-After, before any database work, while the process is
 * overloaded. /healthz and /metrics are always answered: an overloaded process is alive (a
 * restart would lose the requests it holds), and monitoring must see the overload. /readyz is
 * refused like any page, so that a load balancer sends the traffic elsewhere meanwhile.
 */
export const loadShedding = fp(
  async (app: FastifyInstance, opts: { shedder: LoadShedder }) => {
    const { shedder } = opts
    // from the first request on: the start's own long tasks (migrations, seeding) are no overload
    app.addHook('onReady', async () => shedder.start())
    app.addHook('onClose', async () => shedder.stop())
    app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const reason = shedder.reason()
      if (!reason || req.url === '/healthz' || req.url.startsWith('/metrics')) return
      shedder.shed(reason)
      req.log.warn({ reason }, 'request shed: overloaded')
      // The request context (language, territory) is not read yet: it would query the database.
      const cookie = req.cookies?.[LANG_COOKIE]
      req.locale = isLocale(cookie) ? cookie : negotiateLocale(req.headers['accept-language'])
      req.t = translator(req.locale)
      reply.header('Retry-After', String(SHED_RETRY_AFTER_SECONDS))
      return sendError(req, reply, 503, 'overloaded')
    })
  },
  { name: 'load-shedding', dependencies: ['@fastify/cookie'] },
)
