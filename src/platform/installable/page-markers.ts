import { createHmac } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * The header that tells the service worker whose page it holds. The worker keeps a person's own
 * pages for offline reading in a cache named after this marker, and empties every other one as
 * soon as a page comes with another marker or none (signed out, or someone else signed in).
 */
export const ACCOUNT_MARKER_HEADER = 'entraide-account'

/**
 * An opaque stand-in for the account, the same on every page of it: neither its id nor its email
 * can be read back from it, nor guessed without the app's secret.
 */
export function accountMarker(secret: string, accountId: string): string {
  return createHmac('sha256', secret).update(`account-marker:${accountId}`).digest('base64url').slice(0, 22)
}

/**
 * What the service worker reads of each page: whose it is (the account marker, on every response
 * to a signed-in browser) and in which language it is written (Content-Language), so that the
 * offline page it keeps is in the person's language rather than the browser's.
 */
export const pageMarkers = fp(
  async (app: FastifyInstance, opts: { secret: string }) => {
    app.addHook('onSend', async (req, reply) => {
      if (req.actor?.via.kind === 'session')
        reply.header(ACCOUNT_MARKER_HEADER, accountMarker(opts.secret, req.actor.accountId))
      // A page replayed by the process's page cache was answered before its language was read
      // (page-cache.ts): it goes without, rather than with a wrong one.
      const languageRead = (req.t as unknown) !== null
      if (languageRead && String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
        reply.header('Content-Language', req.locale)
    })
  },
  { name: 'page-markers' },
)
