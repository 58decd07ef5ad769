import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { withoutControlCharacters } from '../../platform/http/control-characters.ts'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { AppealService } from './appeal.service.ts'
import { APPEAL_PATH, RESEND_PATH, resendDecision } from './sanction-life.service.ts'
import { AppealLinkInvalidPage, AppealPage, ResentPage } from './views/AppealPage.tsx'

const tokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) })
// Longer than allowed is refused with a message by the rule, not cut by the schema.
const StatementForm = Type.Object({ statement: Type.Optional(Type.String({ maxLength: 20_000 })) })
const ResendForm = Type.Object({ decision: Type.Optional(Type.String({ maxLength: 1000 })) })
const publicPage = { permission: 'public', scope: null } as const
/** Enough for a person who opens their link a few times; bounds someone guessing links. */
const LINK_LIMIT = { max: 30, windowMs: 600_000 }

/**
 * The appeal link mailed with each decision: `/recours/<token>` opens the decision and its appeal
 * form without signing in, since a suspended person cannot. The token is the proof: it is kept
 * hashed, and the logs write the path without it (platform/http/logging.ts).
 */
export async function appealPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const appeals = new AppealService(services)
  const linkLimit = (req: FastifyRequest) => services.rateLimiter.hit(`appeal-link:${req.ip}`, LINK_LIMIT)

  const invalid = (req: FastifyRequest, reply: FastifyReply) =>
    sendPage(reply, AppealLinkInvalidPage({ ctx: req.viewContext() }), 404)

  async function show(req: FastifyRequest, reply: FastifyReply, statement: string, errors: FieldError[]) {
    const { token } = req.params as { token: string }
    const found = await appeals.byToken(req.territory!, token)
    if (!found) return invalid(req, reply)
    const page = AppealPage({
      ctx: req.viewContext(),
      action: `${APPEAL_PATH}/${token}`,
      ...found,
      now: services.clock.now(),
      statement,
      errors,
    })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  }

  app.get(
    `${APPEAL_PATH}/:token`,
    { schema: { params: tokenParams }, config: publicPage },
    async (req, reply) => {
      await linkLimit(req)
      return show(req, reply, '', [])
    },
  )

  app.post(
    `${APPEAL_PATH}/:token`,
    {
      schema: { params: tokenParams, body: StatementForm },
      config: {
        ...publicPage,
        refill: (req, reply, errors) =>
          show(
            req,
            reply,
            withoutControlCharacters((req.body as { statement?: string })?.statement ?? ''),
            errors,
          ),
      },
    },
    async (req, reply) => {
      await linkLimit(req)
      const statement = req.body.statement ?? ''
      const outcome = await appeals.fileByToken(req.territory!, req.params.token, statement)
      if (!outcome) return invalid(req, reply)
      if (outcome.kind === 'invalid')
        return show(req, reply, statement, translateIssues(outcome.issues, req.t))
      // Filed or filed before: the link's page says the appeal is under review and what comes next.
      return reply.redirect(`${APPEAL_PATH}/${req.params.token}`, 303)
    },
  )

  // From the sign-in page of a suspended account: the form carries the sanction sealed for an hour.
  app.post(RESEND_PATH, { schema: { body: ResendForm }, config: publicPage }, async (req, reply) => {
    const sent = await resendDecision(services, req.body.decision)
    return sendPage(reply, ResentPage({ ctx: req.viewContext(), sent: sent === 'sent' }), sent ? 200 : 400)
  })
}
