import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { carriesCsrfToken, csrfCookieName } from './csrf.ts'
import { LANG_COOKIE, READING_COOKIE } from './request-context.ts'

export const PRIVATE = 'private, no-store'
/** A shared page may be kept by any cache, but checked each time: a hidden listing disappears at once. */
export const SHARED = 'public, no-cache'

/**
 * Cookies that do not make a page personal: the language and the reading mode are the same for
 * everyone who chose them (Vary: cookie keeps them apart in a shared cache), the CSRF secret shows
 * only in forms.
 */
const IMPERSONAL_COOKIES = new Set([LANG_COOKIE, READING_COOKIE, csrfCookieName(false), csrfCookieName(true)])

/** What decides whether a response may be kept, and by whom. */
export interface ResponseFacts {
  method: string
  status: number
  /** the Cache-Control the route chose itself, if any */
  declared: string | undefined
  setsCookie: boolean
  /** the page holds a form token, drawn from this browser's secret */
  formToken: boolean
  /** a session or a token made the request: the page is the person's */
  signedIn: boolean
  /** the request carried a cookie other than the language, the reading mode and the CSRF secret */
  otherCookies: boolean
  /** a page or API route of a territory (not a health check or the metrics) */
  territoryRoute: boolean
  api: boolean
}

export interface CachePolicy {
  cacheControl: string
  etag: boolean
  /** request headers the body depends on, for Vary */
  vary: string[]
}

/** One rule for every response, so that no route can forget it. */
export function cachePolicy(f: ResponseFacts): CachePolicy {
  const personal: CachePolicy = { cacheControl: PRIVATE, etag: false, vary: [] }
  // Nothing is stricter than what the route chose.
  if (f.declared !== undefined && /\bno-store\b/.test(f.declared))
    return { cacheControl: f.declared, etag: false, vary: [] }
  // Whatever the route said: a cookie served from a shared cache would go to everyone behind it.
  if (f.setsCookie || f.formToken) return personal
  if (f.declared !== undefined)
    return { cacheControl: f.declared, etag: f.status === 200 && /\bpublic\b/.test(f.declared), vary: [] }
  const shareable =
    f.territoryRoute &&
    (f.method === 'GET' || f.method === 'HEAD') &&
    f.status === 200 &&
    !f.signedIn &&
    !f.otherCookies
  if (!shareable) return personal
  // The body depends on the session (absent here, but a cache must not give this copy to
  // someone signed in), on the language (cookie, else Accept-Language), on the reading mode (cookie)
  // and, for the API, on a token.
  // Lower case, as @fastify/compress and @fastify/static write theirs, so none is written twice.
  const vary = ['cookie', 'accept-language', 'accept-encoding']
  if (f.api) vary.push('authorization')
  return { cacheControl: SHARED, etag: true, vary }
}

/** Weak: the compressed and plain bodies are the same page, not the same bytes. */
export function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/** If-None-Match with the weak comparison of RFC 9110 §13.1.2. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag))
}

/** Whether the request carries a cookie other than the language, the reading mode and the CSRF secret. */
export function carriesPersonalCookie(req: FastifyRequest): boolean {
  return Object.keys(req.cookies ?? {}).some((name) => !IMPERSONAL_COOKIES.has(name))
}

function addVary(reply: FastifyReply, fields: string[]) {
  const current = String(reply.getHeader('vary') ?? '')
  const present = new Set(
    current
      .split(',')
      .map((f) => f.trim().toLowerCase())
      .filter(Boolean),
  )
  if (present.has('*')) return
  const added = fields.filter((f) => !present.has(f.toLowerCase()))
  if (added.length > 0) reply.header('vary', [current, ...added].filter(Boolean).join(', '))
}

/** What the cache rule needs to know of a response about to be sent. */
export function responseFacts(req: FastifyRequest, reply: FastifyReply): ResponseFacts {
  const declared = reply.getHeader('cache-control')
  return {
    method: req.method,
    status: reply.statusCode,
    declared: declared === undefined ? undefined : String(declared),
    setsCookie: reply.getHeader('set-cookie') !== undefined,
    formToken: carriesCsrfToken(req),
    signedIn: req.actor !== null || req.session !== null,
    otherCookies: carriesPersonalCookie(req),
    territoryRoute: req.routeOptions.config?.territory !== false,
    api: req.url.startsWith('/api/'),
  }
}

/**
 * Cache-Control, Vary and ETag for every response, decided once all other hooks have run: it
 * must come after the CSRF and session hooks, which may still set a cookie. A shared response
 * gets a weak ETag of its body, and a request that already holds that body gets 304.
 */
export const cacheHeaders = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (req, reply, payload) => {
      const policy = cachePolicy(responseFacts(req, reply))
      reply.header('cache-control', policy.cacheControl)
      if (policy.vary.length > 0) addVary(reply, policy.vary)
      if (!policy.etag || !(typeof payload === 'string' || Buffer.isBuffer(payload))) return payload
      const etag = String(reply.getHeader('etag') ?? weakEtag(payload))
      reply.header('etag', etag)
      if (!matchesEtag(req.headers['if-none-match'], etag)) return payload
      reply.code(304)
      reply.removeHeader('content-length')
      return ''
    })
  },
  { name: 'cache-headers', dependencies: ['csrf'] },
)
