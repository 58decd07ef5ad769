import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { BatchForm, batchParams, CapacityForm, doneQuery, idParams, notice, texts } from './campaign.http.ts'
import { MakerService } from './maker.service.ts'
import { emptyMakerValues, MakerPage, type MakerValues } from './views/MakerPage.tsx'
import { BatchPage, MyCampaignsPage } from './views/MyCampaignsPage.tsx'

/** Makers' pages: « Je fabrique » (capacity, stock, batches), « Mes collectes », and one's own batch. */
export async function makerPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const makers = new MakerService(services)
  const verified = { permission: 'verified', scope: null } as const

  const page = async (req: FastifyRequest, typed: Partial<MakerValues> | null, issues: Issue[]) => {
    const { id } = req.params as { id: string }
    const form = await makers.form(req.actor, req.territory!, id)
    const own = form.makers.find((m) => m.organisationId === null)
    const values: MakerValues = {
      ...emptyMakerValues,
      ...(own ? { capacity: String(own.weeklyCapacity), stock: String(own.stockHeld) } : {}),
      ...typed,
    }
    const errors = translateIssues(issues, req.t)
    return MakerPage({ ctx: req.viewContext(), form, values, errors, notice: notice(req) })
  }

  app.get(
    '/collectes/:id/fabriquer',
    { schema: { params: idParams, querystring: doneQuery }, config: verified },
    async (req, reply) => sendPage(reply, await page(req, null, [])),
  )

  app.post(
    '/collectes/:id/fabriquer',
    { schema: { params: idParams, body: CapacityForm }, config: verified },
    async (req, reply) => {
      const values = texts(req.body, ['organisationId', 'capacity', 'stock'] as const)
      const result = await makers.declare(req.actor, req.territory!, req.params.id, values)
      if (result.kind === 'saved')
        return reply.redirect(`/collectes/${req.params.id}/fabriquer?fait=capacite`, 303)
      return sendPage(reply, await page(req, values, result.issues), 400)
    },
  )

  app.post(
    '/collectes/:id/lots',
    { schema: { params: idParams, body: BatchForm }, config: verified },
    async (req, reply) => {
      const values = texts(req.body, ['makerId', 'quantity', 'pointId', 'handedOn'] as const)
      const result = await makers.recordBatch(req.actor, req.territory!, req.params.id, values)
      if (result.kind === 'saved') return reply.redirect('/mes-collectes?fait=lot', 303)
      return sendPage(reply, await page(req, values, result.issues), 400)
    },
  )

  app.get(
    '/mes-collectes',
    { schema: { querystring: doneQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) =>
      sendPage(
        reply,
        MyCampaignsPage({
          ctx: req.viewContext(),
          rows: await makers.mine(req.actor, req.territory!),
          notice: notice(req),
        }),
      ),
  )

  app.get(
    '/collectes/:id/lots/:batchId',
    { schema: { params: batchParams }, config: { permission: 'session', scope: null } },
    async (req, reply) =>
      sendPage(
        reply,
        BatchPage({
          ctx: req.viewContext(),
          view: await makers.batch(req.actor, req.territory!, req.params.id, req.params.batchId),
        }),
      ),
  )
}
