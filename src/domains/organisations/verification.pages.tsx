import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../platform/auth/actor.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import {
  type OrganisationKind,
  type OrganisationStatus,
  organisationKinds,
  organisationStatuses,
} from './organisation.schema.ts'
import { type DecisionResult, VerificationService } from './verification.service.ts'
import { PartnerVerificationsPage } from './views/PartnerVerificationsPage.tsx'
import { StaffListPage } from './views/StaffListPage.tsx'
import { StaffOrganisationPage } from './views/StaffOrganisationPage.tsx'

const staff = { permission: 'organisation:verify' as const, scope: null }
const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const DecisionBody = Type.Object({
  decision: Type.Optional(Type.String({ maxLength: 100 })),
  reason: Type.Optional(Type.String({ maxLength: 100 })),
  reasonText: Type.Optional(Type.String({ maxLength: 10_000 })),
})
const ListQuery = Type.Object({
  statut: Type.Optional(Type.String({ maxLength: 100 })),
  type: Type.Optional(Type.String({ maxLength: 100 })),
  fait: Type.Optional(Type.String({ maxLength: 40 })),
})
const notices = {
  verify: 'organisation.notice.verified',
  refuse: 'organisation.notice.refused',
  suspend: 'organisation.notice.suspended',
  reinstate: 'organisation.notice.reinstated',
  delegation: 'organisation.notice.delegated',
} as const satisfies Record<string, MessageKey>
const notice = (req: FastifyRequest) => {
  const key = (req.query as { fait?: string }).fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as keyof typeof notices]) : undefined
}
const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined

/** Staff: the organisations to verify, one organisation with its history; a partner's own queue. */
export async function verificationPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const verification = new VerificationService(services)
  const communeName = async (req: FastifyRequest) => {
    const names = new Map<string, string>()
    return async (insee: string) => {
      if (!names.has(insee))
        names.set(insee, (await services.communes.find(req.territory!, insee))?.name ?? insee)
      return names.get(insee)!
    }
  }
  const namesFor = async (req: FastifyRequest, insees: string[]) => {
    const lookup = await communeName(req)
    const pairs = await Promise.all(insees.map(async (i) => [i, await lookup(i)] as const))
    const map = new Map(pairs)
    return (insee: string) => map.get(insee) ?? insee
  }

  app.get(
    '/administration/organisations',
    { schema: { querystring: ListQuery }, config: staff },
    async (req, reply) => {
      const status = oneOf<OrganisationStatus>(organisationStatuses, req.query.statut)
      const kind = oneOf<OrganisationKind>(organisationKinds, req.query.type)
      const { counts, organisations } = await verification.list(req.actor, req.territory!, {
        status,
        kinds: kind ? [kind] : undefined,
      })
      return sendPage(
        reply,
        StaffListPage({
          ctx: req.viewContext(),
          counts,
          organisations,
          filter: { status: status ?? '', kind: kind ?? '' },
          communeName: await namesFor(
            req,
            organisations.map((o) => o.communeInsee),
          ),
        }),
      )
    },
  )

  const showOne = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    problem?: string,
    status = 200,
  ) => {
    const view = await verification.show(req.actor, req.territory!, id)
    const commune = await services.communes.find(req.territory!, view.organisation.communeInsee)
    return sendPage(
      reply,
      StaffOrganisationPage({
        ctx: req.viewContext(),
        ...view,
        communeName: commune?.name ?? view.organisation.communeInsee,
        mayDelegate: can(req.actor, 'organisation:delegate'),
        notice: notice(req),
        problem,
      }),
      status,
    )
  }

  app.get(
    '/administration/organisations/:id',
    { schema: { params: idParams, querystring: ListQuery }, config: staff },
    async (req, reply) => showOne(req, reply, req.params.id),
  )

  const decided = (req: FastifyRequest, result: DecisionResult) =>
    result.kind === 'already-decided' ? req.t('organisation.decide.already') : undefined

  app.post(
    '/administration/organisations/:id/decision',
    { schema: { params: idParams, body: DecisionBody }, config: staff },
    async (req, reply) => {
      const { decision = '', reason = '', reasonText = '' } = req.body
      let result: DecisionResult
      try {
        result = await verification.decide(req.actor, req.territory!, req.params.id, decision, {
          code: reason,
          text: reasonText,
        })
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return showOne(
          req,
          reply,
          req.params.id,
          error.issues.map((i) => req.t(i.key, i.params)).join(' '),
          400,
        )
      }
      const problem = decided(req, result)
      if (problem) return showOne(req, reply, req.params.id, problem, 409)
      return reply.redirect(`/administration/organisations/${req.params.id}?fait=${decision}`, 303)
    },
  )

  app.post(
    '/administration/organisations/:id/delegation',
    {
      schema: {
        params: idParams,
        body: Type.Object({
          kinds: Type.Optional(
            Type.Union([
              Type.String({ maxLength: 100 }),
              Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }),
            ]),
          ),
          exclusive: Type.Optional(
            Type.Union([
              Type.String({ maxLength: 100 }),
              Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }),
            ]),
          ),
        }),
      },
      config: { permission: 'organisation:delegate', scope: null },
    },
    async (req, reply) => {
      const kinds = [req.body.kinds ?? []].flat()
      const exclusive = [req.body.exclusive ?? []].flat()
      try {
        await verification.delegate(req.actor, req.territory!, req.params.id, kinds, exclusive)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return showOne(
          req,
          reply,
          req.params.id,
          error.issues.map((i) => req.t(i.key, i.params)).join(' '),
          400,
        )
      }
      return reply.redirect(`/administration/organisations/${req.params.id}?fait=delegation`, 303)
    },
  )

  const partnerPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    partnerId: string,
    problem?: string,
    status = 200,
  ) => {
    const { partner, kinds, pending } = await verification.partnerQueue(req.actor, req.territory!, partnerId)
    return sendPage(
      reply,
      PartnerVerificationsPage({
        ctx: req.viewContext(),
        partner,
        kinds,
        pending,
        communeName: await namesFor(
          req,
          pending.map((o) => o.communeInsee),
        ),
        notice: notice(req),
        problem,
      }),
      status,
    )
  }

  app.get(
    '/organisations/:id/verifications',
    { schema: { params: idParams, querystring: ListQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) => partnerPage(req, reply, req.params.id),
  )

  app.post(
    '/organisations/:id/verifications/:organisationId',
    {
      schema: {
        params: Type.Object({
          id: Type.String({ maxLength: 100 }),
          organisationId: Type.String({ maxLength: 100 }),
        }),
        body: DecisionBody,
      },
      config: { permission: 'session', scope: null },
    },
    async (req, reply) => {
      const { id, organisationId } = req.params
      const { decision = '', reason = '', reasonText = '' } = req.body
      let result: DecisionResult
      try {
        result = await verification.partnerDecide(req.actor, req.territory!, id, organisationId, decision, {
          code: reason,
          text: reasonText,
        })
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return partnerPage(req, reply, id, error.issues.map((i) => req.t(i.key, i.params)).join(' '), 400)
      }
      const problem = decided(req, result)
      if (problem) return partnerPage(req, reply, id, problem, 409)
      return reply.redirect(`/organisations/${id}/verifications?fait=${decision}`, 303)
    },
  )
}
