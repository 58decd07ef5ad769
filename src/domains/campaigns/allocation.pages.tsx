import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { formBody } from '../accounts/index.ts'
import { AllocationService } from './allocation.service.ts'
import { doneQuery, idParams, notice } from './request.pages.tsx'
import { AllocationPage, type FailedAdjustment } from './views/AllocationPage.tsx'

const rowParams = Type.Object({ id: Type.String({ maxLength: 100 }), rowId: Type.String({ maxLength: 100 }) })
const AdjustForm = formBody('quantity', 'pointId')
const ApplyForm = formBody('collectFrom')

/** « Répartition »: propose with HiGHS, adjust row by row, then apply and tell the requesters. */
export async function allocationPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const allocations = new AllocationService(services)
  const path = '/collectes/:id/gestion/repartition'
  const back = (id: string, done: string) => `/collectes/${id}/gestion/repartition?fait=${done}`

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    campaignId: string,
    failed: { issues: Issue[]; row?: FailedAdjustment; collectFrom?: string } = { issues: [] },
  ) {
    const view = await allocations.view(req.actor, req.territory!, campaignId)
    const errors = translateIssues(failed.issues, req.t)
    const body = AllocationPage({
      ctx: req.viewContext(),
      view,
      errors,
      failed: failed.row,
      collectFrom: failed.collectFrom ?? '',
      notice: notice(req),
      mapTileUrl: services.config.mapTileUrl ?? null,
    })
    return sendPage(reply, body, errors.length > 0 ? 400 : 200)
  }

  app.get(
    path,
    { schema: { params: idParams, querystring: doneQuery }, config: { permission: 'session', scope: null } },
    (req, reply) => page(req, reply, req.params.id),
  )

  app.post(
    `${path}/proposer`,
    { schema: { params: idParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      await allocations.propose(req.actor, req.territory!, req.params.id)
      return reply.redirect(back(req.params.id, 'proposee'), 303)
    },
  )

  app.post(
    `${path}/lignes/:rowId`,
    { schema: { params: rowParams, body: AdjustForm }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const { id, rowId } = req.params
      const form = { quantity: req.body.quantity ?? '', pointId: req.body.pointId ?? '' }
      const result = await allocations.adjust(req.actor, req.territory!, id, rowId, form)
      if (result.kind === 'done') return reply.redirect(back(id, 'modifiee'), 303)
      return page(req, reply, id, { issues: result.issues, row: { id: rowId, ...form } })
    },
  )

  app.post(
    `${path}/lignes/:rowId/retirer`,
    { schema: { params: rowParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      await allocations.remove(req.actor, req.territory!, req.params.id, req.params.rowId)
      return reply.redirect(back(req.params.id, 'retiree'), 303)
    },
  )

  app.post(
    `${path}/:rowId/appliquer`,
    { schema: { params: rowParams, body: ApplyForm }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const { id, rowId } = req.params
      const collectFrom = req.body.collectFrom ?? ''
      const result = await allocations.apply(req.actor, req.territory!, id, rowId, collectFrom)
      if (result.kind === 'applied') return reply.redirect(back(id, 'appliquee'), 303)
      const issues: Issue[] =
        result.kind === 'invalid'
          ? result.issues
          : result.kind === 'shortage'
            ? [{ field: 'collectFrom', key: 'allocation.apply.shortage', params: { point: result.point } }]
            : result.kind === 'stale'
              ? [{ field: 'collectFrom', key: 'allocation.apply.stale' }]
              : [{ field: 'collectFrom', key: 'allocation.apply.decided' }]
      return page(req, reply, id, { issues, collectFrom })
    },
  )

  app.post(
    `${path}/:rowId/ecarter`,
    { schema: { params: rowParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      await allocations.discard(req.actor, req.territory!, req.params.id, req.params.rowId)
      return reply.redirect(back(req.params.id, 'ecartee'), 303)
    },
  )
}
