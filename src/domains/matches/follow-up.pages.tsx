import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { sendPage } from '../../platform/views/render.ts'
import { TIPS_PATH } from './follow-up.jobs.ts'
import { openFollowUps } from './follow-up.service.ts'
import { FollowUpsAdminPage, TipsPage } from './views/FollowUpPages.tsx'

/** The tips sent with the « no response yet » notification, and the coordinators' list. */
export async function followUpPages(app: FastifyInstance, services: AppServices) {
  app.get(TIPS_PATH, { config: { permission: 'public', scope: null } }, async (req, reply) =>
    sendPage(reply, TipsPage({ ctx: req.viewContext() })),
  )

  app.get(
    '/administration/demandes-sans-reponse',
    { config: { permission: 'listing:follow-up', scope: null } },
    async (req, reply) => {
      const rows = await openFollowUps(services, req.actor, req.territory!, req.locale)
      return sendPage(reply, FollowUpsAdminPage({ ctx: req.viewContext(), rows }))
    },
  )
}
