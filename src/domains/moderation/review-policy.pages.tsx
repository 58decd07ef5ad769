import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { ReviewPolicyService } from './review-policy.service.ts'
import { REVIEW_POLICY_PATH, ReviewPolicyPage } from './views/ReviewPolicyPage.tsx'

const configure = { permission: 'moderation:configure' as const, scope: null }
/** Loose on purpose: the use case checks the choice, so bad input comes back as the form with its error. */
const PolicyForm = Type.Object({ policy: Type.Optional(Type.String({ maxLength: 20_000 })) })
const Done = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 20 })) })

/** The administrators' page for the review before publication; a change is a POST that redirects. */
export async function reviewPolicyPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const policies = new ReviewPolicyService(services)

  app.get(REVIEW_POLICY_PATH, { schema: { querystring: Done }, config: configure }, async (req, reply) => {
    const { policy, medianHours } = await policies.current(req.actor, req.territory!)
    const notice = req.query.fait === 'enregistre' ? req.t('reviewPolicy.saved') : undefined
    return sendPage(
      reply,
      ReviewPolicyPage({ ctx: req.viewContext(), policy, medianHours, errors: [], notice }),
    )
  })

  app.post(REVIEW_POLICY_PATH, { schema: { body: PolicyForm }, config: configure }, async (req, reply) => {
    const saved = await policies.save(req.actor, req.territory!, req.body.policy ?? '')
    if (saved.kind === 'saved') return reply.redirect(`${REVIEW_POLICY_PATH}?fait=enregistre`, 303)
    const { medianHours } = await policies.current(req.actor, req.territory!)
    const errors = translateIssues(saved.issues, req.t)
    // The saved choice stays checked: what was sent is not one of the three.
    const policy = req.territory!.reviewPolicy
    return sendPage(reply, ReviewPolicyPage({ ctx: req.viewContext(), policy, medianHours, errors }), 400)
  })
}
