import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { isLocale, type Locale, negotiateLocale, type Translate, translator } from '../i18n/i18n.ts'
import { territoryNames } from '../tenancy/name-forms.ts'
import type { Tenancy } from '../tenancy/tenancy.ts'
import type { Territory } from '../tenancy/territory.ts'
import type { ViewContext } from '../views/context.ts'
import './page-figures.ts'
import { HttpError } from './problem.ts'

export const LANG_COOKIE = 'lang'
/**
 * The reading mode this browser chose with the header's switch: « facile » (easy-to-read texts,
 * larger type, one column) or « habituelle ». Absent, a signed-in person's profile decides.
 */
export const READING_COOKIE = 'lecture'
export const readingModes = ['facile', 'habituelle'] as const
export type ReadingMode = (typeof readingModes)[number]

export function isReadingMode(value: unknown): value is ReadingMode {
  return typeof value === 'string' && (readingModes as readonly string[]).includes(value)
}

/** The reading mode this browser's switch chose, or null when it never chose (or sent nonsense). */
export function chosenReading(req: FastifyRequest): boolean | null {
  const cookie = req.cookies?.[READING_COOKIE]
  return isReadingMode(cookie) ? cookie === 'facile' : null
}

/** The request's translator for its language, territory and reading mode, once one of them changed. */
export function retranslate(req: FastifyRequest): void {
  req.t = translator(req.locale, territoryNames(req.territory, req.locale), { easyRead: req.easyRead })
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale
    /** easy-to-read mode: the switch's cookie, else the signed-in person's profile */
    easyRead: boolean
    t: Translate
    /** null when the host matches no platform; routes that need one never see that (404 first) */
    territory: Territory | null
    viewContext(): ViewContext
  }
  interface FastifyContextConfig {
    /** false for routes that answer whatever the host (health checks, static files) */
    territory?: boolean
  }
}

/** Reads the language and the territory of each request once, before any route runs. */
export const requestContext = fp(
  async (app: FastifyInstance, opts: { tenancy: Tenancy; devTools: boolean }) => {
    app.decorateRequest('locale', 'fr')
    app.decorateRequest('easyRead', false)
    app.decorateRequest('t', null as unknown as Translate)
    app.decorateRequest('territory', null)
    app.decorateRequest('pageFigures', null)
    app.decorateRequest('viewContext', function (this: FastifyRequest): ViewContext {
      const req = this
      return {
        t: this.t,
        locale: this.locale,
        easyRead: this.easyRead,
        territory: this.territory,
        currentUrl: this.url,
        // Drawn only by a page that has a form: one without stays the same for every visitor,
        // so that caches may share it (cache-policy.ts), and sets no cookie.
        get csrfToken() {
          return req.csrfToken()
        },
        viewer: this.actor
          ? {
              displayName: this.actor.displayName,
              staff: this.actor.roles.length > 0,
              verified: this.actor.verified,
              // Read as the page is drawn: the header's figures are counted just before (page-figures.ts).
              get unreadNotifications() {
                return req.unreadNotifications
              },
              get openReviews() {
                return req.openReviews
              },
            }
          : null,
        devTools: opts.devTools,
      }
    })

    app.addHook('onRequest', async (req) => {
      const cookie = req.cookies[LANG_COOKIE]
      req.locale = isLocale(cookie) ? cookie : negotiateLocale(req.headers['accept-language'])
      req.easyRead = chosenReading(req) ?? false
      retranslate(req)
      if (req.routeOptions.config?.territory === false) return
      req.territory = await opts.tenancy.resolveHost(req.host)
      if (!req.territory) throw new HttpError(404, 'unknown-territory')
      retranslate(req)
    })
  },
  { name: 'request-context', dependencies: ['@fastify/cookie'] },
)
