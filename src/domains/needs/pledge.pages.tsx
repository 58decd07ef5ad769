import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { PledgeForm, ReceiptForm } from './need.form.ts'
import { doneQuery, idParams, needPage, notice } from './need.pages.tsx'
import { PledgeService } from './pledge.service.ts'
import { MyPledgesPage } from './views/MyPledgesPage.tsx'
import { PledgesPage } from './views/PledgesPage.tsx'

/** Pledging from a need's page, « mes promesses », and the organisation's list with its receipts. */
export async function pledgePages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const pledges = new PledgeService(services)

  async function pledgesPage(
    req: FastifyRequest,
    reply: FastifyReply,
    needId: string,
    failed?: { id: string; value: string; issues: Issue[] },
  ) {
    const { need, lines } = await pledges.ofNeed(req.actor, req.territory!, needId)
    const errors = translateIssues(failed?.issues ?? [], req.t)
    const page = PledgesPage({ ctx: req.viewContext(), need, lines, errors, failed, notice: notice(req) })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  }

  app.post(
    '/besoins/:id/promesses',
    { schema: { params: idParams, body: PledgeForm }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const values = {
        quantity: req.body.quantity ?? '',
        dropPointId: req.body.dropPointId ?? '',
        organisationId: req.body.organisationId ?? '',
      }
      const result = await pledges.pledge(req.actor, req.territory!, req.params.id, values)
      if (result.kind === 'pledged') return reply.redirect(`/besoins/${result.need.id}?fait=promis`, 303)
      return needPage(req, reply, services, { values, issues: result.issues })
    },
  )

  app.get(
    '/besoins/:id/promesses',
    { schema: { params: idParams, querystring: doneQuery }, config: { permission: 'session', scope: null } },
    (req, reply) => pledgesPage(req, reply, req.params.id),
  )

  app.post(
    '/promesses/:id/reception',
    { schema: { params: idParams, body: ReceiptForm }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const value = req.body.received ?? ''
      const result = await pledges.receive(req.actor, req.territory!, req.params.id, value)
      if (result.kind === 'received')
        return reply.redirect(`/besoins/${result.need.id}/promesses?fait=recu`, 303)
      return pledgesPage(req, reply, result.need.id, { id: result.pledge.id, value, issues: result.issues })
    },
  )

  app.get(
    '/mes-promesses',
    { schema: { querystring: doneQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const rows = await pledges.mine(req.actor, req.territory!)
      return sendPage(reply, MyPledgesPage({ ctx: req.viewContext(), rows, notice: notice(req) }))
    },
  )

  app.post(
    '/mes-promesses/:id/annuler',
    { schema: { params: idParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      await pledges.cancel(req.actor, req.territory!, req.params.id)
      return reply.redirect('/mes-promesses?fait=annulee', 303)
    },
  )
}
