import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Commune } from '../../platform/geo/commune.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { formBody } from '../accounts/index.ts'
import { HandoutService } from './handout.service.ts'
import { RequestService } from './request.service.ts'
import { DemandsPage, type FailedRowForm } from './views/DemandsPage.tsx'
import { MyRequestsPage } from './views/MyRequestsPage.tsx'
import { emptyRequestForm, RequestFormPage, type RequestFormValues } from './views/RequestFormPage.tsx'

export const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const rowParams = Type.Object({ id: Type.String({ maxLength: 100 }), rowId: Type.String({ maxLength: 100 }) })
const RequestForm = formBody(
  'quantity',
  'requesterKind',
  'organisationId',
  'priority',
  'pointId',
  'commune',
  'note',
)
const PriorityForm = formBody('priority', 'reason')
const RefuseForm = formBody('refuseReason')
const demandsQuery = Type.Object({
  statut: Type.Optional(Type.String({ maxLength: 100 })),
  point: Type.Optional(Type.String({ maxLength: 100 })),
  fait: Type.Optional(Type.String({ maxLength: 40 })),
})

/** ?fait=… after a redirect: which confirmation to show, from a fixed list (never text from the address). */
const notices = {
  demande: 'demand.notice.created',
  annulee: 'demand.notice.cancelled',
  priorite: 'demand.notice.priority',
  refusee: 'demand.notice.refused',
  remis: 'demand.notice.handedOut',
  liberee: 'demand.notice.released',
  proposee: 'demand.notice.proposed',
  modifiee: 'demand.notice.adjusted',
  retiree: 'demand.notice.removed',
  appliquee: 'demand.notice.applied',
  ecartee: 'demand.notice.discarded',
} as const satisfies Record<string, MessageKey>
export const doneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })
export function notice(req: FastifyRequest): string | undefined {
  const key = (req.query as { fait?: string }).fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as keyof typeof notices]) : undefined
}

const formValues = (body: Static<typeof RequestForm>): RequestFormValues => ({
  quantity: body.quantity ?? '',
  requesterKind: body.requesterKind ?? '',
  organisationId: body.organisationId ?? '',
  priority: body.priority ?? '',
  pointId: body.pointId ?? '',
  commune: body.commune ?? '',
  note: body.note ?? '',
})

/** Asking for material, « mes demandes de matériel », and staff's list of a campaign's requests. */
export async function requestPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const requests = new RequestService(services)
  const handouts = new HandoutService(services)

  async function formPage(
    req: FastifyRequest,
    reply: FastifyReply,
    campaignId: string,
    values: RequestFormValues,
    failed: { issues: Issue[]; choices: Commune[] } = { issues: [], choices: [] },
  ) {
    const { campaign, points, organisations } = await requests.form(req.actor, req.territory!, campaignId)
    const errors = translateIssues(failed.issues, req.t)
    const page = RequestFormPage({
      ctx: req.viewContext(),
      campaign,
      points,
      organisations,
      values,
      errors,
      communeChoices: failed.choices,
    })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  }

  app.get(
    '/collectes/:id/demander',
    { schema: { params: idParams }, config: { permission: 'verified', scope: null } },
    (req, reply) => formPage(req, reply, req.params.id, emptyRequestForm),
  )

  app.post(
    '/collectes/:id/demander',
    { schema: { params: idParams, body: RequestForm }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const values = formValues(req.body)
      const result = await requests.create(req.actor, req.territory!, req.params.id, values, {
        text: values.commune,
      })
      if (result.kind === 'created') return reply.redirect('/mes-demandes-de-materiel?fait=demande', 303)
      return formPage(req, reply, req.params.id, values, result)
    },
  )

  app.get(
    '/mes-demandes-de-materiel',
    { schema: { querystring: doneQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const rows = await requests.mine(req.actor, req.territory!)
      return sendPage(reply, MyRequestsPage({ ctx: req.viewContext(), rows, notice: notice(req) }))
    },
  )

  app.post(
    '/mes-demandes-de-materiel/:id/annuler',
    { schema: { params: idParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      await requests.cancel(req.actor, req.territory!, req.params.id)
      return reply.redirect('/mes-demandes-de-materiel?fait=annulee', 303)
    },
  )

  async function demandsPage(
    req: FastifyRequest,
    reply: FastifyReply,
    campaignId: string,
    failed?: FailedRowForm & { issues: Issue[] },
  ) {
    const q = req.query as Static<typeof demandsQuery>
    const view = await requests.demands(req.actor, req.territory!, campaignId, {
      status: (q.statut ?? '') as '',
      pointId: q.point ?? '',
    })
    const errors = translateIssues(failed?.issues ?? [], req.t)
    const page = DemandsPage({ ctx: req.viewContext(), view, errors, failed, notice: notice(req) })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  }

  const staffPage = `/collectes/:id/gestion/demandes`
  app.get(
    staffPage,
    {
      schema: { params: idParams, querystring: demandsQuery },
      config: { permission: 'session', scope: null },
    },
    (req, reply) => demandsPage(req, reply, req.params.id),
  )

  app.post(
    `${staffPage}/:rowId/priorite`,
    { schema: { params: rowParams, body: PriorityForm }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const form = { priority: req.body.priority ?? '', reason: req.body.reason ?? '' }
      const { id, rowId } = req.params
      const result = await requests.reprioritise(req.actor, req.territory!, id, rowId, form)
      if (result.kind === 'done')
        return reply.redirect(`/collectes/${id}/gestion/demandes?fait=priorite`, 303)
      return demandsPage(req, reply, id, { id: rowId, form: 'priority', ...form, issues: result.issues })
    },
  )

  app.post(
    `${staffPage}/:rowId/refus`,
    { schema: { params: rowParams, body: RefuseForm }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const reason = req.body.refuseReason ?? ''
      const { id, rowId } = req.params
      const result = await requests.refuse(req.actor, req.territory!, id, rowId, reason)
      if (result.kind === 'done') return reply.redirect(`/collectes/${id}/gestion/demandes?fait=refusee`, 303)
      const issues = result.issues.map((i) => ({ ...i, field: 'refuseReason' }))
      return demandsPage(req, reply, id, { id: rowId, form: 'refuse', priority: '', reason, issues })
    },
  )

  for (const [path, step, done] of [
    ['remise', 'handOut', 'remis'],
    ['annuler', 'cancel', 'liberee'],
  ] as const) {
    app.post(
      `/collectes/:id/gestion/attributions/:rowId/${path}`,
      { schema: { params: rowParams }, config: { permission: 'session', scope: null } },
      async (req, reply) => {
        const { id, rowId } = req.params
        await handouts[step](req.actor, req.territory!, id, rowId)
        return reply.redirect(`/collectes/${id}/gestion/demandes?fait=${done}`, 303)
      },
    )
  }
}
