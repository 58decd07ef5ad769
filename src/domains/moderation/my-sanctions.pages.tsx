import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { withoutControlCharacters } from '../../platform/http/control-characters.ts'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { AppealService } from './appeal.service.ts'
import { MY_DECISIONS_PATH } from './views/AppealPage.tsx'
import { MySanctionsPage, statementFieldId } from './views/MySanctionsPage.tsx'

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const StatementForm = Type.Object({ statement: Type.Optional(Type.String({ maxLength: 20_000 })) })
const listQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 20 })) })
const session = { permission: 'session', scope: null } as const

/** ?fait=… after an appeal: which sentence to show, from a fixed list. */
const notices = { recours: 'appeal.mine.filed', deja: 'appeal.mine.already' } as const

/**
 * « Décisions de modération » in the person's account: a warned person, or one whose listing was
 * rejected or hidden, still signs in and contests here.
 */
export async function mySanctionsPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const appeals = new AppealService(services)

  async function list(
    req: FastifyRequest,
    reply: FastifyReply,
    options: { notice?: string; failed?: { sanctionId: string; statement: string; errors: FieldError[] } },
  ) {
    const items = await appeals.mine(req.actor, req.territory!)
    const page = MySanctionsPage({ ctx: req.viewContext(), items, now: services.clock.now(), ...options })
    return sendPage(reply, page, options.failed ? 400 : 200)
  }

  app.get(MY_DECISIONS_PATH, { schema: { querystring: listQuery }, config: session }, async (req, reply) => {
    const key = req.query.fait
    const notice =
      key && Object.hasOwn(notices, key) ? req.t(notices[key as keyof typeof notices]) : undefined
    return list(req, reply, notice ? { notice } : {})
  })

  const refill = (req: FastifyRequest, reply: FastifyReply, errors: FieldError[]) => {
    const { id } = req.params as { id: string }
    const statement = withoutControlCharacters((req.body as { statement?: string })?.statement ?? '')
    const field = statementFieldId(id)
    return list(req, reply, {
      failed: { sanctionId: id, statement, errors: errors.map((e) => ({ ...e, field })) },
    })
  }

  app.post(
    `${MY_DECISIONS_PATH}/:id/recours`,
    { schema: { params: idParams, body: StatementForm }, config: { ...session, refill } },
    async (req, reply) => {
      const statement = req.body.statement ?? ''
      const outcome = await appeals.fileMine(req.actor, req.territory!, req.params.id, statement)
      if (outcome.kind === 'filed') return reply.redirect(`${MY_DECISIONS_PATH}?fait=recours`, 303)
      if (outcome.kind === 'already') return reply.redirect(`${MY_DECISIONS_PATH}?fait=deja`, 303)
      const field = statementFieldId(req.params.id)
      const errors = translateIssues(outcome.issues, req.t).map((e) => ({ ...e, field }))
      return list(req, reply, { failed: { sanctionId: req.params.id, statement, errors } })
    },
  )
}
