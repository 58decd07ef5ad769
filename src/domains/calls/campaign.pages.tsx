import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { doneQuery, entryParams, idParams, notice, OutcomeForm } from './calls.http.ts'
import { asCaller } from './calls.pages.tsx'
import { CampaignService } from './campaign.service.ts'
import { CampaignCallPage, CampaignPage } from './views/CampaignPage.tsx'

const verified = { permission: 'verified', scope: null } as const

/** A campaign as its callers work it: the figures, « Personne suivante », the person, the outcome. */
export async function campaignPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const campaigns = new CampaignService(services)
  const root = '/appels-de-convivialite/campagnes'

  app.get(
    `${root}/:id`,
    { schema: { params: idParams, querystring: doneQuery }, config: verified },
    (req, reply) =>
      asCaller(reply, req, async () => {
        const view = await campaigns.view(req.actor, req.territory!, req.params.id)
        reply.header('Cache-Control', 'no-store')
        return sendPage(reply, CampaignPage({ ctx: req.viewContext(), view, notice: notice(req) }))
      }),
  )

  app.post(`${root}/:id/suivante`, { schema: { params: idParams }, config: verified }, (req, reply) =>
    asCaller(reply, req, async () => {
      const entry = await campaigns.next(req.actor, req.territory!, req.params.id)
      if (!entry) return reply.redirect(`${root}/${req.params.id}?fait=personne`, 303)
      return reply.redirect(`${root}/${req.params.id}/appels/${entry.id}`, 303)
    }),
  )

  const call = async (req: FastifyRequest, reply: FastifyReply, issues: Issue[] = []) => {
    const { id, entryId } = req.params as { id: string; entryId: string }
    const shown = await campaigns.card(req.actor, req.territory!, id, entryId)
    const errors = translateIssues(issues, req.t)
    reply.header('Cache-Control', 'no-store')
    return sendPage(
      reply,
      CampaignCallPage({ ctx: req.viewContext(), ...shown, errors }),
      errors.length > 0 ? 400 : 200,
    )
  }

  app.get(
    `${root}/:id/appels/:entryId`,
    { schema: { params: entryParams }, config: verified },
    (req, reply) => asCaller(reply, req, () => call(req, reply)),
  )

  app.post(
    `${root}/:id/appels/:entryId`,
    { schema: { params: entryParams, body: OutcomeForm }, config: verified },
    (req, reply) =>
      asCaller(reply, req, async () => {
        const { id, entryId } = req.params
        try {
          const result = await campaigns.outcome(req.actor, req.territory!, id, entryId, req.body)
          if (result.kind === 'invalid') return call(req, reply, result.issues)
          return reply.redirect(`${root}/${id}?fait=${result.status}`, 303)
        } catch (error) {
          // The lease ran out and another caller took the person, or they withdrew meanwhile.
          if (error instanceof HttpError && error.statusCode === 404)
            return reply.redirect(`${root}/${id}?fait=reprise_autre`, 303)
          throw error
        }
      }),
  )
}
