import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { can } from '../auth/actor.ts'
import { countForPage } from '../http/page-figures.ts'
import type { AppServices } from '../services.ts'
import { countOpenReviews } from './review-queue.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** items waiting in the territory's moderation queue, for the header of those who decide them; null when not counted */
    openReviews: number | null
  }
}

/** A browser asking for a page, not a style sheet, a script's fetch or the API. */
const asksForPage = (url: string, accept: string | undefined) =>
  !url.startsWith('/api/') && /^\s*(text\/html|\*\/\*)/.test(accept ?? '*/*')

/**
 * The header's « Modération (4) », counted once per page sent to the staff who may decide the items
 * (`moderation:review`), on every page so a new item is seen wherever they are. The queue is the
 * platform's table, so the count lives here; registered right after authentication found the actor.
 */
export const reviewCount = fp(
  async (app: FastifyInstance, services: AppServices) => {
    app.decorateRequest('openReviews', null)
    app.addHook('onRequest', async (req) => {
      const territory = req.territory
      if (!territory || !req.actor || !asksForPage(req.url, req.headers.accept)) return
      if (!can(req.actor, 'moderation:review')) return
      countForPage(req, async () => {
        req.openReviews = await countOpenReviews(services.database.db, territory.id)
      })
    })
  },
  { name: 'review-count', dependencies: ['authentication'] },
)
