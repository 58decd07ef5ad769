import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import {
  batchParams,
  CampaignForm,
  doneQuery,
  idParams,
  notice,
  PointForm,
  pointParams,
  ReceivedForm,
  RefusalForm,
  texts,
} from './campaign.http.ts'
import { CampaignService } from './campaign.service.ts'
import type { PointInput } from './campaign.ts'
import { CampaignViews } from './campaign-view.service.ts'
import { ReceiptService } from './receipt.service.ts'
import { CampaignFormPage, valuesOfCampaign } from './views/CampaignFormPage.tsx'
import { ManagePage } from './views/ManagePage.tsx'
import { emptyPoint, PointsPage, valuesOfPoint } from './views/PointsPage.tsx'

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
const pointKeys = ['name', 'role', 'commune', 'address', 'hours'] as const
const verified = { permission: 'verified', scope: null } as const

/**
 * The back office of a campaign, for the territory's staff or the managers of the organisation it
 * is delegated to: every service starts with runCampaign, so anyone else gets 404.
 */
export async function managePages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const campaigns = new CampaignService(services)
  const views = new CampaignViews(services)
  const receipts = new ReceiptService(services)
  const root = '/collectes/:id/gestion'
  const home = (id: string, done: string) => `/collectes/${id}/gestion?fait=${done}`

  const overview = async (
    req: FastifyRequest,
    reply: FastifyReply,
    issues: Issue[] = [],
    typed: Record<string, string> = {},
  ) => {
    const { id } = req.params as { id: string }
    const view = await views.overview(req.actor, req.territory!, id)
    const errors = translateIssues(issues, req.t)
    return sendPage(
      reply,
      ManagePage({ ctx: req.viewContext(), view, errors, typed, notice: notice(req) }),
      errors.length > 0 ? 400 : 200,
    )
  }

  app.get(root, { schema: { params: idParams, querystring: doneQuery }, config: verified }, (req, reply) =>
    overview(req, reply),
  )

  const editForm = async (
    req: FastifyRequest,
    values: ReturnType<typeof valuesOfCampaign> | null,
    issues: Issue[],
  ) => {
    const { id } = req.params as { id: string }
    const { campaign, as } = await views.manageable(req.actor, req.territory!, id)
    const organisations = as === 'staff' ? await campaigns.delegationChoices(req.actor, req.territory!) : null
    return CampaignFormPage({
      ctx: req.viewContext(),
      values: values ?? valuesOfCampaign(campaign),
      errors: translateIssues(issues, req.t),
      organisations,
      editing: campaign,
    })
  }

  app.get(`${root}/modifier`, { schema: { params: idParams }, config: verified }, async (req, reply) =>
    sendPage(reply, await editForm(req, null, [])),
  )
  app.post(
    `${root}/modifier`,
    { schema: { params: idParams, body: CampaignForm }, config: verified },
    async (req, reply) => {
      const values = texts(req.body, campaignKeys)
      const result = await campaigns.edit(req.actor, req.territory!, req.params.id, values)
      if (result.kind === 'saved') return reply.redirect(home(req.params.id, 'enregistre'), 303)
      return sendPage(reply, await editForm(req, values, result.issues), 400)
    },
  )

  for (const [path, to, done] of [
    ['ouvrir', 'open', 'ouvert'],
    ['clore', 'closed', 'close'],
  ] as const) {
    app.post(`${root}/${path}`, { schema: { params: idParams }, config: verified }, async (req, reply) => {
      await campaigns.setStatus(req.actor, req.territory!, req.params.id, to)
      return reply.redirect(home(req.params.id, done), 303)
    })
  }

  for (const [path, on, done] of [
    ['accueil', true, 'accueil'],
    ['accueil/retirer', false, 'accueil_retire'],
  ] as const) {
    app.post(`${root}/${path}`, { schema: { params: idParams }, config: verified }, async (req, reply) => {
      await campaigns.highlight(req.actor, req.territory!, req.params.id, on)
      return reply.redirect(home(req.params.id, done), 303)
    })
  }

  const pointsPage = async (
    req: FastifyRequest,
    values: PointInput | null,
    issues: Issue[],
    pointId?: string,
  ) => {
    const { id } = req.params as { id: string }
    const { campaign, points } = await views.manageable(req.actor, req.territory!, id)
    const editing = pointId === undefined ? undefined : points.find((p) => p.id === pointId)
    if (pointId !== undefined && !editing) throw new HttpError(404)
    return PointsPage({
      ctx: req.viewContext(),
      campaign,
      points,
      values: values ?? (editing ? valuesOfPoint(editing) : emptyPoint),
      errors: translateIssues(issues, req.t),
      ...(editing ? { editing } : {}),
      notice: notice(req),
    })
  }

  app.get(
    `${root}/points`,
    { schema: { params: idParams, querystring: doneQuery }, config: verified },
    async (req, reply) => sendPage(reply, await pointsPage(req, null, [])),
  )
  app.post(
    `${root}/points`,
    { schema: { params: idParams, body: PointForm }, config: verified },
    async (req, reply) => {
      const values = texts(req.body, pointKeys)
      const result = await campaigns.addPoint(req.actor, req.territory!, req.params.id, {
        ...values,
        by: 'text',
      })
      if (result.kind === 'saved')
        return reply.redirect(`/collectes/${req.params.id}/gestion/points?fait=point`, 303)
      return sendPage(reply, await pointsPage(req, values, result.issues), 400)
    },
  )
  app.get(
    `${root}/points/:pointId`,
    { schema: { params: pointParams }, config: verified },
    async (req, reply) => sendPage(reply, await pointsPage(req, null, [], req.params.pointId)),
  )
  app.post(
    `${root}/points/:pointId`,
    { schema: { params: pointParams, body: PointForm }, config: verified },
    async (req, reply) => {
      const values = texts(req.body, pointKeys)
      const result = await campaigns.editPoint(req.actor, req.territory!, req.params.id, req.params.pointId, {
        ...values,
        by: 'text',
      })
      if (result.kind === 'saved')
        return reply.redirect(`/collectes/${req.params.id}/gestion/points?fait=point`, 303)
      return sendPage(reply, await pointsPage(req, values, result.issues, req.params.pointId), 400)
    },
  )

  /** A decision on a batch: its field's error on the overview, or back there saying what was done. */
  const decided = (
    req: FastifyRequest,
    reply: FastifyReply,
    result: Awaited<ReturnType<ReceiptService['confirm']>>,
    prefix: 'received' | 'reason',
    typed: string,
    done: 'confirme' | 'refuse',
  ) => {
    if (result.kind === 'invalid') {
      const field = `${prefix}-${result.batch.id}`
      return overview(
        req,
        reply,
        result.issues.map((i) => ({ ...i, field })),
        { [field]: typed },
      )
    }
    const { id } = req.params as { id: string }
    return reply.redirect(home(id, result.kind === 'already' ? 'deja' : done), 303)
  }
  app.post(
    `${root}/lots/:batchId/confirmer`,
    { schema: { params: batchParams, body: ReceivedForm }, config: verified },
    async (req, reply) => {
      const typed = req.body.received ?? ''
      const { id, batchId } = req.params
      const result = await receipts.confirm(req.actor, req.territory!, id, batchId, typed)
      return decided(req, reply, result, 'received', typed, 'confirme')
    },
  )
  app.post(
    `${root}/lots/:batchId/refuser`,
    { schema: { params: batchParams, body: RefusalForm }, config: verified },
    async (req, reply) => {
      const typed = req.body.reason ?? ''
      const { id, batchId } = req.params
      const result = await receipts.refuse(req.actor, req.territory!, id, batchId, typed)
      return decided(req, reply, result, 'reason', typed, 'refuse')
    },
  )
}
