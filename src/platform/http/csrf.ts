import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { hmac, sameString } from '../auth/secrets.ts'
import { HttpError } from './problem.ts'

export const CSRF_FIELD = '_csrf'
const fresh = new WeakMap<FastifyRequest, string>()
const issued = new WeakSet<FastifyRequest>()
const WELL_FORMED = /^[\w-]{43}$/

/** `__Host-` makes the browser refuse the cookie unless it is Secure, host-only and for path /. */
export function csrfCookieName(https: boolean): string {
  return https ? '__Host-csrf' : 'csrf'
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the hidden field value every form of this page carries */
    csrfToken(): string
  }
  interface FastifyContextConfig {
    /** false only for routes that are authenticated otherwise than by cookie */
    csrf?: boolean
  }
}

/** The response holds a token made from this browser's secret: no cache may share it. */
export function carriesCsrfToken(req: FastifyRequest): boolean {
  return issued.has(req)
}

function browserSecret(req: FastifyRequest, cookieName: string): string {
  const existing = req.cookies[cookieName]
  if (existing && WELL_FORMED.test(existing)) return existing
  let value = fresh.get(req)
  if (!value) {
    value = randomBytes(32).toString('base64url')
    fresh.set(req, value)
  }
  return value
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Double-submit token bound to the session: a random HttpOnly cookie, and in each form a keyed
 * digest of that cookie and of the session id. Another site can make a browser send the cookie
 * but can neither read it nor compute the digest; a token from before login is void after it.
 */
export const csrf = fp(
  async (app: FastifyInstance, opts: { secureCookies: boolean; secret: string }) => {
    const cookieName = csrfCookieName(opts.secureCookies)
    const tokenFor = (req: FastifyRequest) =>
      hmac(opts.secret, 'csrf', `${browserSecret(req, cookieName)}:${req.session?.idHash ?? ''}`)
    app.decorateRequest('csrfToken', function (this: FastifyRequest) {
      issued.add(this)
      return tokenFor(this)
    })
    app.addHook('preHandler', async (req: FastifyRequest) => {
      if (!UNSAFE.has(req.method) || req.routeOptions.config?.csrf === false) return
      // A personal access token is sent on purpose by a program; browsers never add it on their own.
      if (req.actor?.via.kind === 'token') return
      const body = req.body as Record<string, unknown> | undefined
      const sent = typeof body?.[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : req.headers['x-csrf-token']
      if (!req.cookies[cookieName] || typeof sent !== 'string' || !sameString(sent, tokenFor(req))) {
        throw new HttpError(403, 'csrf')
      }
    })
    app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
      // Set whenever a new secret was drawn: the cookie was missing or malformed. A malformed one
      // left in place would void every form of that browser for good.
      const value = fresh.get(req)
      if (value) {
        reply.setCookie(cookieName, value, {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: opts.secureCookies,
        })
      }
    })
  },
  { name: 'csrf', dependencies: ['@fastify/cookie'] },
)
