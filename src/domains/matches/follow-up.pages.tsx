import type { FastifyInstance } from 'fastify'
import { sendPage } from '../../platform/views/render.ts'
import { TIPS_PATH } from './follow-up.jobs.ts'
import { TipsPage } from './views/FollowUpPages.tsx'

/**
 * The tips sent with the « no response yet » notification. The coordinators' list of asks
 * nobody answered is dispatch's, where they can propose them to volunteers.
 */
export async function followUpPages(app: FastifyInstance) {
  app.get(TIPS_PATH, { config: { permission: 'public', scope: null } }, async (req, reply) =>
    sendPage(reply, TipsPage({ ctx: req.viewContext() })),
  )
}
