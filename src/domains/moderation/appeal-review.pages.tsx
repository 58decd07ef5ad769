import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { withoutControlCharacters } from '../../platform/http/control-characters.ts'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { AppealReviewService } from './appeal-review.service.ts'
import { APPEALS_PATH, AppealListPage, AppealReviewPage } from './views/AppealReviewPage.tsx'

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const itemQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 20 })) })
const AnswerForm = Type.Object({
  // Anything but the two choices is refused with a message by the rule, not by the schema.
  decision: Type.Optional(Type.String({ maxLength: 20_000 })),
  answer: Type.Optional(Type.String({ maxLength: 20_000 })),
})
const staff = { permission: 'moderation:review', scope: null } as const

const notices = { leve: 'appealReview.notice.granted', maintenu: 'appealReview.notice.upheld' } as const

/** Appeals for moderators: the list, and one appeal with its answer (second factor required). */
export async function appealReviewPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const reviews = new AppealReviewService(services)

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    options: {
      values?: { decision: string; answer: string }
      errors?: FieldError[]
      notice?: string
      refusal?: string
    },
    status = 200,
  ) {
    const { id } = req.params as { id: string }
    const review = await reviews.one(req.actor, req.territory!, id)
    const me = req.actor!.accountId
    const page = AppealReviewPage({
      ctx: req.viewContext(),
      review,
      ownDecision: review.sanction.decidedBy === me || review.appeal.accountId === me,
      values: options.values ?? { decision: '', answer: '' },
      errors: options.errors ?? [],
      ...(options.notice ? { notice: options.notice } : {}),
      ...(options.refusal ? { refusal: options.refusal } : {}),
    })
    return sendPage(reply, page, status)
  }

  app.get(APPEALS_PATH, { config: staff }, async (req, reply) => {
    const { rows, people } = await reviews.open(req.actor, req.territory!)
    return sendPage(reply, AppealListPage({ ctx: req.viewContext(), rows, people }))
  })

  app.get(
    `${APPEALS_PATH}/:id`,
    { schema: { params: idParams, querystring: itemQuery }, config: staff },
    async (req, reply) => {
      const key = req.query.fait
      const notice =
        key && Object.hasOwn(notices, key) ? req.t(notices[key as keyof typeof notices]) : undefined
      return show(req, reply, notice ? { notice } : {})
    },
  )

  const refill = (req: FastifyRequest, reply: FastifyReply, errors: FieldError[]) => {
    const body = (req.body ?? {}) as { decision?: string; answer?: string }
    const values = {
      decision: withoutControlCharacters(body.decision ?? ''),
      answer: withoutControlCharacters(body.answer ?? ''),
    }
    return show(req, reply, { values, errors }, 400)
  }

  app.post(
    `${APPEALS_PATH}/:id`,
    { schema: { params: idParams, body: AnswerForm }, config: { ...staff, refill } },
    async (req, reply) => {
      const values = { decision: req.body.decision ?? '', answer: req.body.answer ?? '' }
      const outcome = await reviews.decide(req.actor, req.territory!, req.params.id, values)
      if (outcome.kind === 'decided')
        return reply.redirect(
          `${APPEALS_PATH}/${req.params.id}?fait=${outcome.status === 'granted' ? 'leve' : 'maintenu'}`,
          303,
        )
      if (outcome.kind === 'invalid')
        return show(req, reply, { values, errors: translateIssues(outcome.issues, req.t) }, 400)
      if (outcome.kind === 'own-decision')
        return show(req, reply, { refusal: req.t('appealReview.own') }, 403)
      return show(req, reply, { refusal: req.t('appealReview.stale') }, 409)
    },
  )
}
