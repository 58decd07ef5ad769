import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { CampaignForm, doneQuery, idParams, notice, texts } from './campaign.http.ts'
import { CampaignService } from './campaign.service.ts'
import { CampaignViews } from './campaign-view.service.ts'
import { CampaignFormPage, emptyCampaignForm } from './views/CampaignFormPage.tsx'
import { CampaignPage, PublicCampaignsPage } from './views/CampaignPage.tsx'
import { ProgressPage } from './views/ProgressPage.tsx'
import { StaffCampaignsPage } from './views/StaffCampaignsPage.tsx'

const campaignKeys = [
  'item',
  'title',
  'specification',
  'target',
  'unit',
  'startsOn',
  'endsOn',
  'organisationId',
  'status',
] as const

/** The staff's list and opening form, and the public pages: open campaigns, one campaign, its progress. */
export async function campaignPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const campaigns = new CampaignService(services)
  const views = new CampaignViews(services)

  app.get(
    '/administration/collectes',
    { config: { permission: 'campaign:manage', scope: null } },
    async (req, reply) =>
      sendPage(
        reply,
        StaffCampaignsPage({
          ctx: req.viewContext(),
          campaigns: await campaigns.staffList(req.actor, req.territory!),
        }),
      ),
  )

  app.get(
    '/administration/collectes/nouvelle',
    { config: { permission: 'campaign:manage', scope: null } },
    async (req, reply) => {
      const organisations = await campaigns.delegationChoices(req.actor, req.territory!)
      return sendPage(
        reply,
        CampaignFormPage({ ctx: req.viewContext(), values: emptyCampaignForm, errors: [], organisations }),
      )
    },
  )

  app.post(
    '/administration/collectes/nouvelle',
    { schema: { body: CampaignForm }, config: { permission: 'campaign:manage', scope: null } },
    async (req, reply) => {
      const values = texts(req.body, campaignKeys)
      const result = await campaigns.create(req.actor, req.territory!, values)
      if (result.kind === 'saved')
        return reply.redirect(`/collectes/${result.value.id}/gestion?fait=ouverte`, 303)
      const organisations = await campaigns.delegationChoices(req.actor, req.territory!)
      const errors = translateIssues(result.issues, req.t)
      return sendPage(reply, CampaignFormPage({ ctx: req.viewContext(), values, errors, organisations }), 400)
    },
  )

  app.get('/collectes', { config: { permission: 'public', scope: null } }, async (req, reply) =>
    sendPage(
      reply,
      PublicCampaignsPage({ ctx: req.viewContext(), campaigns: await views.openCampaigns(req.territory!) }),
    ),
  )

  app.get(
    '/collectes/:id',
    { schema: { params: idParams, querystring: doneQuery }, config: { permission: 'public', scope: null } },
    async (req, reply) =>
      sendPage(
        reply,
        CampaignPage({
          ctx: req.viewContext(),
          view: await views.publicView(req.territory!, req.params.id),
          notice: notice(req),
        }),
      ),
  )

  app.get(
    '/collectes/:id/avancement',
    { schema: { params: idParams }, config: { permission: 'public', scope: null } },
    async (req, reply) =>
      sendPage(
        reply,
        ProgressPage({ ctx: req.viewContext(), view: await views.progress(req.territory!, req.params.id) }),
      ),
  )
}
