import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { countForPage } from '../../platform/http/page-figures.ts'
import type { AppServices } from '../../platform/services.ts'
import { wantsPage } from '../accounts/index.ts'
import { countUnread } from './notification.repository.ts'

/**
 * The header's figure of unread notifications, counted once per page a signed-in browser is sent
 * (not for the API or a token, nor for a form answered by a redirect). Registered right after
 * authentication, which finds the actor.
 */
export const unreadCount = fp(
  async (app: FastifyInstance, services: AppServices) => {
    app.addHook('onRequest', async (req) => {
      const territory = req.territory
      if (!territory || !req.session || !req.actor || !wantsPage(req)) return
      const owner = { accountId: req.actor.accountId, territoryId: territory.id }
      countForPage(req, async () => {
        req.unreadNotifications = await countUnread(services.database.db, owner)
      })
    })
  },
  { name: 'unread-notifications', dependencies: ['authentication'] },
)
