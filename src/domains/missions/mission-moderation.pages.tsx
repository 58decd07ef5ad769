import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { sendPage } from '../../platform/views/render.ts'
import { noticeOf, noticeQuery } from './mission.pages.tsx'
import { MissionModeration } from './mission-moderation.ts'
import { HELD_MISSIONS_PATH, HeldMissionsPage } from './views/HeldMissionsPage.tsx'

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const moderator = { permission: 'listing:moderate', scope: null } as const

/** The moderators' list of missions held for money wording: publish or remove. */
export async function missionModerationPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const moderation = new MissionModeration(services)

  app.get(
    HELD_MISSIONS_PATH,
    { schema: { querystring: noticeQuery }, config: moderator },
    async (req, reply) => {
      const missions = await moderation.held(req.actor, req.territory!)
      return sendPage(reply, HeldMissionsPage({ ctx: req.viewContext(), missions, notice: noticeOf(req) }))
    },
  )

  for (const [path, done, run] of [
    ['publier', 'publiee_moderation', moderation.publish],
    ['retirer', 'retiree_moderation', moderation.reject],
  ] as const) {
    app.post(
      `${HELD_MISSIONS_PATH}/:id/${path}`,
      { schema: { params: idParams }, config: moderator },
      async (req, reply) => {
        await run.call(moderation, req.actor, req.territory!, req.params.id)
        return reply.redirect(`${HELD_MISSIONS_PATH}?fait=${done}`, 303)
      },
    )
  }
}
