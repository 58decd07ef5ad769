import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { HttpError } from './problem.ts'

export const CSRF_COOKIE = 'csrf'
export const CSRF_FIELD = '_csrf'
const fresh = new WeakMap<FastifyRequest, string>()

/**
 * Double-submit token: an HttpOnly SameSite cookie and the same value in a hidden form field.
 * Another site can make a browser send the cookie but cannot read it to fill the field.
 * The accounts work binds the token to the session as well.
 */
export function csrfTokenFor(req: FastifyRequest): string {
  const existing = req.cookies[CSRF_COOKIE]
  if (existing && /^[\w-]{43}$/.test(existing)) return existing
  let token = fresh.get(req)
  if (!token) {
    token = randomBytes(32).toString('base64url')
    fresh.set(req, token)
  }
  return token
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const csrf = fp(
  async (app: FastifyInstance, opts: { secureCookies: boolean }) => {
    app.addHook('preHandler', async (req: FastifyRequest) => {
      if (!UNSAFE.has(req.method) || req.routeOptions.config?.csrf === false) return
      const cookie = req.cookies[CSRF_COOKIE]
      const body = req.body as Record<string, unknown> | undefined
      const sent =
        typeof body?.[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : req.headers['x-csrf-token']
      if (!cookie || typeof sent !== 'string' || !sameToken(cookie, sent)) throw new HttpError(403, 'csrf')
    })
    app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
      const token = fresh.get(req)
      if (token && !req.cookies[CSRF_COOKIE]) {
        reply.setCookie(CSRF_COOKIE, token, {
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

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false only for routes authenticated otherwise than by cookie (API tokens) */
    csrf?: boolean
  }
}
