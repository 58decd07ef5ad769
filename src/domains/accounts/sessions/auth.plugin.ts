import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Actor } from '../../../platform/auth/actor.ts'
import { sha256 } from '../../../platform/auth/secrets.ts'
import { HttpError } from '../../../platform/http/problem.ts'
import { chosenReading, LANG_COOKIE, retranslate } from '../../../platform/http/request-context.ts'
import { isLocale } from '../../../platform/i18n/i18n.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { ActorAccount } from '../identity/account.repository.ts'
import { findAccessTokenWithAccount, markAccessTokenUsed } from '../tokens/token.repository.ts'
import type { SessionRow } from './session.repository.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    session: SessionRow | null
    /** unread notifications of the signed-in person, for the page header; null when not counted (set by the notifications) */
    unreadNotifications: number | null
  }
}

/** A browser asking for a page (not a style sheet or a script's fetch) and not the API. */
export const wantsPage = (req: FastifyRequest) =>
  !req.url.startsWith('/api/') && /^\s*(text\/html|\*\/\*)/.test(req.headers.accept ?? '*/*')

/** `__Host-` makes the browser refuse the cookie unless it is Secure, host-only and for path /. */
export function sessionCookieName(https: boolean): string {
  return https ? '__Host-session' : 'session'
}

export function setSessionCookie(reply: FastifyReply, https: boolean, token: string, maxAgeSeconds: number) {
  reply.setCookie(sessionCookieName(https), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: https,
    path: '/',
    maxAge: maxAgeSeconds,
  })
}

/**
 * Ends the session in this browser. Clear-Site-Data empties what the browser kept of the person's
 * pages (its HTTP cache, the service worker's caches and the worker itself, which the next page
 * registers afresh). Cookies are left to the line above: the CSRF secret and the language stay, so
 * the sign-in form that follows still works.
 */
export function clearSessionCookie(reply: FastifyReply, https: boolean) {
  reply.clearCookie(sessionCookieName(https), { httpOnly: true, sameSite: 'lax', secure: https, path: '/' })
  reply.header('Clear-Site-Data', '"cache", "storage"')
}

function toActor(
  account: Omit<ActorAccount, 'roles'>,
  roles: Actor['roles'],
  via: Actor['via'],
  secondFactor: boolean,
): Actor {
  return {
    accountId: account.id,
    displayName: account.displayName,
    email: account.email,
    verified: account.emailVerifiedAt !== null,
    status: account.status,
    locale: isLocale(account.locale) ? account.locale : 'fr',
    easyRead: account.easyRead,
    roles,
    secondFactor,
    hasTotp: account.totpEnabledAt !== null,
    hasPhone: account.hasPhone,
    via,
  }
}

/**
 * Finds who is calling: the session cookie (web) or a personal access token (API). What the
 * caller may do is decided by the access preHandler (platform/http/access.ts).
 */
export const authentication = fp(
  async (app: FastifyInstance, services: AppServices) => {
    const https = services.config.publicUrl?.startsWith('https://') ?? false
    const cookieName = sessionCookieName(https)
    app.decorateRequest('actor', null)
    app.decorateRequest('session', null)
    app.decorateRequest('unreadNotifications', null)

    app.addHook('onRequest', async (req) => {
      const territory = req.territory
      if (!territory) return
      const { db } = services.database
      const bearer = /^Bearer ([\w-]{20,100})$/.exec(req.headers.authorization ?? '')?.[1]
      if (bearer && req.url.startsWith('/api/')) {
        const found = await findAccessTokenWithAccount(db, sha256(bearer))
        const now = services.clock.now()
        if (
          !found ||
          found.token.revokedAt ||
          found.token.territoryId !== territory.id ||
          (found.token.expiresAt && found.token.expiresAt <= now)
        ) {
          throw new HttpError(401, 'invalid-token')
        }
        const { token, account } = found
        if (account.status !== 'active') throw new HttpError(401, 'invalid-token')
        if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000)
          await markAccessTokenUsed(db, token.id, now)
        req.actor = toActor(account, [], { kind: 'token', tokenId: token.id, scopes: token.scopes }, false)
        return
      }
      const cookie = req.cookies[cookieName]
      if (!cookie) return
      const resumed = await services.sessions.resumeWithAccount(cookie, territory.id)
      if (!resumed) return
      const { session, account, roles } = resumed
      if (!account || account.status !== 'active') {
        await services.sessions.end(session.idHash)
        return
      }
      req.session = session
      req.actor = toActor(account, roles, { kind: 'session', idHash: session.idHash }, session.secondFactor)
      // The person chose a language and a reading mode in their profile: they win over the
      // browser's language, and over nothing this device's switch chose (its cookie wins here).
      const locale = req.cookies[LANG_COOKIE] ? req.locale : req.actor.locale
      const easyRead = chosenReading(req) ?? req.actor.easyRead
      if (locale !== req.locale || easyRead !== req.easyRead) {
        req.locale = locale
        req.easyRead = easyRead
        retranslate(req)
      }
    })
    // Pages for a signed-in person hold their data: platform/http/cache-policy.ts keeps them out of every cache.
  },
  { name: 'authentication', dependencies: ['request-context'] },
)
