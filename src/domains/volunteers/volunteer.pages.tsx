import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { emptyVerifyForm, VOLUNTEERS_PATH, VolunteersPage } from './views/VolunteersPage.tsx'
import { VolunteerService } from './volunteer.service.ts'

const VerifyForm = Type.Object({
  email: Type.Optional(Type.String({ maxLength: 1000 })),
  until: Type.Optional(Type.String({ maxLength: 40 })),
  note: Type.Optional(Type.String({ maxLength: 20_000 })),
})
const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const noticeQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 20 })) })
const notices = { verifie: 'volunteer.notice.verified', retire: 'volunteer.notice.revoked' } as const
const notice = (req: FastifyRequest) => {
  const key = (req.query as { fait?: string }).fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as keyof typeof notices]) : undefined
}

/** The administration page of verified volunteers: list, verify by address, withdraw. */
export async function volunteerPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const volunteers = new VolunteerService(services)

  app.get(
    VOLUNTEERS_PATH,
    { schema: { querystring: noticeQuery }, config: { permission: 'volunteer:verify', scope: null } },
    async (req, reply) => {
      const verifications = await volunteers.current(req.actor, req.territory!)
      return sendPage(
        reply,
        VolunteersPage({
          ctx: req.viewContext(),
          verifications,
          values: emptyVerifyForm,
          errors: [],
          notice: notice(req),
        }),
      )
    },
  )

  app.post(
    VOLUNTEERS_PATH,
    { schema: { body: VerifyForm }, config: { permission: 'volunteer:verify', scope: null } },
    async (req, reply) => {
      const territory = req.territory!
      const values = { email: req.body.email ?? '', until: req.body.until ?? '', note: req.body.note ?? '' }
      const result = await volunteers.verify(req.actor, territory, values)
      if (result.kind === 'saved') return reply.redirect(`${VOLUNTEERS_PATH}?fait=verifie`, 303)
      const verifications = await volunteers.current(req.actor, territory)
      const errors = translateIssues(result.issues, req.t)
      return sendPage(reply, VolunteersPage({ ctx: req.viewContext(), verifications, values, errors }), 400)
    },
  )

  app.post(
    `${VOLUNTEERS_PATH}/:id/retirer`,
    { schema: { params: idParams }, config: { permission: 'volunteer:verify', scope: null } },
    async (req, reply) => {
      await volunteers.revoke(req.actor, req.territory!, req.params.id)
      return reply.redirect(`${VOLUNTEERS_PATH}?fait=retire`, 303)
    },
  )
}
