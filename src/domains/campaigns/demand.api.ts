import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { INSEE_PATTERN } from '../../platform/geo/commune.ts'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { priorities, requesterKinds, requestStatuses } from './campaign.schema.ts'
import { requestJson, SupplyAllocationJson, SupplyRequestJson } from './demand.json.ts'
import { RequestService } from './request.service.ts'
import { NOTE_MAX } from './request.ts'

const problem = Type.Ref('Problem')
const problems = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem }
const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
/** Numbers may come as JSON numbers or as typed text; both go through the form's checks. */
// The text first: validation would otherwise turn « 0x41 » into 65 before the rules could refuse it.
const quantity = Type.Union([Type.String({ maxLength: 100 }), Type.Integer()], { examples: [40] })
const RequestBody = Type.Object(
  {
    quantity,
    requesterKind: Type.String({ maxLength: 100, description: requesterKinds.join(', ') }),
    organisationId: Type.Optional(
      Type.Union([Type.String({ maxLength: 100 }), Type.Null()], { description: 'on behalf of it' }),
    ),
    priority: Type.String({ maxLength: 100, description: priorities.join(', ') }),
    pointId: Type.String({ maxLength: 100, description: 'a distribution point of the campaign' }),
    communeInsee: Type.String({ pattern: INSEE_PATTERN, examples: ['14047'] }),
    note: Type.Optional(Type.String({ maxLength: 20_000, description: `at most ${NOTE_MAX} characters` })),
  },
  { additionalProperties: false },
)
const listQuery = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 100, description: requestStatuses.join(', ') })),
  pointId: Type.Optional(Type.String({ maxLength: 100 })),
})

/** The JSON side of requests for material: the same use cases, access checks and rules as the pages. */
export async function demandApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const requests = new RequestService(services)
  app.addSchema(SupplyAllocationJson)
  app.addSchema(SupplyRequestJson)
  const doc = (operationId: string, summary: string, more: object = {}) => ({
    operationId,
    tags: ['campaigns'],
    summary,
    ...more,
  })

  app.post(
    '/api/v1/campaigns/:id/requests',
    {
      schema: {
        ...doc('createSupplyRequest', 'Ask an open campaign for material', {
          description: 'The priority is as asked; those who run the campaign may change it.',
        }),
        params: idParams,
        body: RequestBody,
        response: { 201: Type.Ref('SupplyRequest'), ...problems },
      },
      config: { permission: 'verified', scope: 'campaigns:write' },
    },
    async (req, reply) => {
      const b = req.body
      const result = await requests.create(
        req.actor,
        req.territory!,
        req.params.id,
        {
          quantity: String(b.quantity),
          requesterKind: b.requesterKind,
          organisationId: b.organisationId ?? '',
          priority: b.priority,
          pointId: b.pointId,
          note: b.note ?? '',
        },
        { insee: b.communeInsee },
      )
      if (result.kind === 'invalid')
        throw new ValidationError(
          result.issues.map((i) => (i.field === 'commune' ? { ...i, field: 'communeInsee' } : i)),
        )
      return reply.code(201).send(requestJson(result.request, []))
    },
  )

  app.get(
    '/api/v1/me/supply-requests',
    {
      schema: {
        ...doc('listMySupplyRequests', 'My requests for material, newest first, with where to collect'),
        response: { 200: Type.Array(Type.Ref('SupplyRequest')), 401: problem, 403: problem },
      },
      config: { permission: 'session', scope: 'campaigns:read' },
    },
    async (req) =>
      (await requests.mine(req.actor, req.territory!)).map((r) => requestJson(r.request, r.allocations)),
  )

  app.delete(
    '/api/v1/me/supply-requests/:id',
    {
      schema: {
        ...doc('cancelSupplyRequest', 'Cancel my request while nothing is allocated to it'),
        params: idParams,
        response: { 204: Type.Null(), ...problems },
      },
      config: { permission: 'session', scope: 'campaigns:write' },
    },
    async (req, reply) => {
      await requests.cancel(req.actor, req.territory!, req.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/v1/campaigns/:id/requests',
    {
      schema: {
        ...doc('listCampaignSupplyRequests', 'A campaign’s requests and their allocations', {
          description:
            'For those who run the campaign: by priority, then the oldest first. A manager of the organisation the campaign is delegated to may use a token.',
        }),
        params: idParams,
        querystring: listQuery,
        response: { 200: Type.Array(Type.Ref('SupplyRequest')), 401: problem, 403: problem, 404: problem },
      },
      config: { permission: 'session', scope: 'campaigns:read' },
    },
    async (req) => {
      const view = await requests.demands(req.actor, req.territory!, req.params.id, {
        status: (req.query.status ?? '') as '',
        pointId: req.query.pointId ?? '',
      })
      return view.rows.map((r) => requestJson(r.request, r.allocations))
    },
  )
}
