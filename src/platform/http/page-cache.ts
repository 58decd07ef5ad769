import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { cachePolicy, carriesPersonalCookie, responseFacts, SHARED } from './cache-policy.ts'
import { isReadingMode, LANG_COOKIE, READING_COOKIE } from './request-context.ts'

/** A page bigger than this is rare (a search page is 16 KB) and not worth the memory. */
const MAX_BODY_BYTES = 256 * 1024

interface Entry {
  body: string | Buffer
  contentType: string
  storedAt: number
}

/**
 * A very short-lived copy of the pages every visitor gets alike, kept in this process: the ones
 * the cache rule already lets any shared cache keep (`public`: no session, no token, no cookie
 * but the language and the reading mode, no form). A burst of visitors on the same search or listing costs one
 * rendering a period instead of one each; a hidden or new listing shows after at most that period.
 * Nothing a signed-in person sees is ever looked up or stored here.
 */
export class PageCache {
  readonly #entries = new Map<string, Entry>()

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  /** The key of a request that may be answered from here, or null when it must be served. */
  keyOf(req: FastifyRequest): string | null {
    if (this.ttlMs <= 0 || (req.method !== 'GET' && req.method !== 'HEAD')) return null
    if (req.headers.authorization) return null
    if (carriesPersonalCookie(req)) return null
    const lang = req.cookies?.[LANG_COOKIE] ?? ''
    // An easy-read page has other words and another body class: never one for the other. Only the
    // two modes count, so a made-up value cannot fill the cache with copies of the same page.
    const reading = req.cookies?.[READING_COOKIE]
    const mode = isReadingMode(reading) ? reading : ''
    return [
      req.hostname,
      req.url,
      lang,
      mode,
      req.headers['accept-language'] ?? '',
      req.headers.accept ?? '',
    ].join('\n')
  }

  get(key: string, now: number): Entry | null {
    const entry = this.#entries.get(key)
    if (!entry) return null
    if (now - entry.storedAt >= this.ttlMs) {
      this.#entries.delete(key)
      return null
    }
    return entry
  }

  set(key: string, entry: Entry): void {
    // Oldest first out: a Map iterates in insertion order.
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.#entries.delete(oldest)
    }
  }
}

const answered = new WeakSet<FastifyRequest>()
const keys = new WeakMap<FastifyRequest, string>()

/**
 * Looks a request up before anything reads the database (territory, session): registered right
 * after the security headers and the metrics, so a copy gets both like any response.
 */
export const pageCacheLookup = fp(
  async (app: FastifyInstance, opts: { cache: PageCache }) => {
    if (opts.cache.ttlMs <= 0) return
    app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const key = opts.cache.keyOf(req)
      if (key === null) return
      keys.set(req, key)
      const entry = opts.cache.get(key, performance.now())
      if (!entry) return
      answered.add(req)
      // Compression, the cache headers, the ETag and its 304 happen on the way out, as for any page.
      return reply.type(entry.contentType).send(entry.body)
    })
  },
  { name: 'page-cache-lookup', dependencies: ['@fastify/cookie'] },
)

/**
 * Keeps what the cache rule makes shared. Registered before compression, so the copy is the page
 * itself and each visitor gets the encoding their browser takes.
 */
export const pageCacheStore = fp(
  async (app: FastifyInstance, opts: { cache: PageCache }) => {
    if (opts.cache.ttlMs <= 0) return
    app.addHook('onSend', async (req, reply, payload) => {
      const key = keys.get(req)
      if (key === undefined || answered.has(req) || req.method !== 'GET') return payload
      if (!(typeof payload === 'string' || Buffer.isBuffer(payload))) return payload
      if (Buffer.byteLength(payload) > MAX_BODY_BYTES) return payload
      if (cachePolicy(responseFacts(req, reply)).cacheControl !== SHARED) return payload
      const contentType = String(reply.getHeader('content-type') ?? '')
      opts.cache.set(key, { body: payload, contentType, storedAt: performance.now() })
      return payload
    })
  },
  { name: 'page-cache-store' },
)
