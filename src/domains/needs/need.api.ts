import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type Static, type TSchema, Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { INSEE_PATTERN } from '../../platform/geo/commune.ts'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, ValidationError } from '../../platform/validation.ts'
import { NeedJson, needJson, PledgeJson, pledgeJson } from './need.json.ts'
import { NeedService } from './need.service.ts'
import { DESCRIPTION_MAX, DROP_POINTS_MAX, type NeedInput, TITLE_MAX, UNIT_MAX } from './need.ts'
import { PledgeService } from './pledge.service.ts'

const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()])
const problem = Type.Ref('Problem')
const problems = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem }
const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })

/** Numbers may come as JSON numbers or as typed text; both go through the form's checks. */
// The text first: validation would otherwise turn « 0x41 » into 65 before the rules could refuse it.
const quantity = Type.Union([Type.String({ maxLength: 100 }), Type.Integer()], { examples: [40] })
const text = (max: number, options: object = {}) => Type.Optional(Type.String({ maxLength: max, ...options }))
const NeedBody = Type.Object(
  {
    title: text(1000, { description: `at most ${TITLE_MAX} characters` }),
    description: text(20_000, { description: `at most ${DESCRIPTION_MAX} characters` }),
    quantity: Type.Optional(quantity),
    unit: text(1000, { description: `at most ${UNIT_MAX} characters`, examples: ['repas'] }),
    categoryId: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
    deadline: Type.Optional(nullable(Type.String({ maxLength: 100, examples: ['2026-06-30'] }))),
    allowOverPledge: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
const DropPointBody = Type.Object(
  {
    name: Type.String({ maxLength: 1000 }),
    communeInsee: Type.String({ pattern: INSEE_PATTERN, examples: ['14047'] }),
    address: Type.String({ maxLength: 1000 }),
    hours: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false },
)
const NewNeedBody = Type.Composite([
  NeedBody,
  Type.Object({ dropPoints: Type.Array(DropPointBody, { minItems: 1, maxItems: DROP_POINTS_MAX }) }),
])
const PledgeBody = Type.Object(
  {
    quantity: Type.Optional(quantity),
    dropPointId: text(100),
    organisationId: Type.Optional(nullable(Type.String({ maxLength: 100, description: 'on behalf of it' }))),
  },
  { additionalProperties: false },
)
const ReceiptBody = Type.Object(
  { quantity: Type.Optional(quantity) },
  { additionalProperties: false, description: 'what arrived; the whole pledge when absent' },
)

function needInput(body: Static<typeof NeedBody>): NeedInput {
  return {
    title: body.title ?? '',
    description: body.description ?? '',
    quantity: body.quantity === undefined ? '' : String(body.quantity),
    unit: body.unit ?? '',
    categoryId: body.categoryId ?? '',
    deadline: body.deadline ?? '',
    allowOverPledge: body.allowOverPledge ?? false,
  }
}

const FIELD = { Name: 'name', Commune: 'communeInsee', Address: 'address', Hours: 'hours' } as const
/** The form's field names (drop2Commune) as JSON pointers (dropPoints/1/communeInsee). */
const apiIssue = (i: Issue): Issue => {
  const m = /^drop(\d+)(Name|Commune|Address|Hours)$/.exec(i.field)
  return m ? { ...i, field: `dropPoints/${Number(m[1]) - 1}/${FIELD[m[2] as keyof typeof FIELD]}` } : i
}
const invalid = (issues: Issue[]) => new ValidationError(issues.map(apiIssue))

/** The JSON side of needs and pledges: the same use cases, access checks and rules as the pages. */
export async function needApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const needs = new NeedService(services)
  const pledges = new PledgeService(services)
  app.addSchema(NeedJson)
  app.addSchema(PledgeJson)
  const doc = (operationId: string, summary: string, more: object = {}) => ({
    operationId,
    tags: ['needs'],
    summary,
    ...more,
  })

  app.get(
    '/api/v1/needs/:id',
    {
      schema: {
        ...doc('getNeed', 'A material need, its progress and drop-off points'),
        params: idParams,
        response: { 200: Type.Ref('Need'), 404: problem },
      },
      config: { permission: 'public', scope: 'organisations:read' },
    },
    async (req) => needJson(await needs.view(req.actor, req.territory!, req.params.id, req.locale)),
  )

  app.get(
    '/api/v1/organisations/:id/needs',
    {
      schema: {
        ...doc('listOrganisationNeeds', 'An organisation’s needs', {
          description: 'Open and met ones; held and closed ones too for its members.',
        }),
        params: idParams,
        response: { 200: Type.Array(Type.Ref('Need')), 404: problem },
      },
      config: { permission: 'public', scope: 'organisations:read' },
    },
    async (req) =>
      (await needs.ofOrganisation(req.actor, req.territory!, req.params.id, req.locale)).map(needJson),
  )

  app.post(
    '/api/v1/organisations/:id/needs',
    {
      schema: {
        ...doc('createNeed', 'Post a material need of an organisation I manage', {
          description:
            'The organisation must be verified. Wording about money holds it for review (status "held").',
        }),
        params: idParams,
        body: NewNeedBody,
        response: { 201: Type.Ref('Need'), ...problems },
      },
      config: { permission: 'verified', scope: 'organisations:write' },
    },
    async (req, reply) => {
      const points = req.body.dropPoints.map((p) => ({ ...p, commune: p.communeInsee, by: 'insee' as const }))
      const result = await needs.create(req.actor, req.territory!, req.params.id, needInput(req.body), points)
      if (result.kind === 'invalid') throw invalid(result.issues)
      return reply
        .code(201)
        .send(needJson(await needs.present(req.territory!, result.need, 'manager', req.locale)))
    },
  )

  app.patch(
    '/api/v1/needs/:id',
    {
      schema: {
        ...doc('updateNeed', 'Edit a need of an organisation I manage', {
          description: 'Send the whole need; drop points are left as they are.',
        }),
        params: idParams,
        body: NeedBody,
        response: { 200: Type.Ref('Need'), ...problems },
      },
      config: { permission: 'verified', scope: 'organisations:write' },
    },
    async (req) => {
      const result = await needs.edit(req.actor, req.territory!, req.params.id, needInput(req.body))
      if (result.kind === 'invalid') throw invalid(result.issues)
      return needJson(await needs.present(req.territory!, result.need, 'manager', req.locale))
    },
  )

  app.post(
    '/api/v1/needs/:id/pledges',
    {
      schema: {
        ...doc('pledgeToNeed', 'Pledge a quantity', {
          description: 'Never more than remains, unless the organisation allows it.',
        }),
        params: idParams,
        body: PledgeBody,
        response: { 201: Type.Ref('Pledge'), ...problems },
      },
      config: { permission: 'verified', scope: 'participation:write' },
    },
    async (req, reply) => {
      const { quantity: q, dropPointId = '', organisationId } = req.body
      const input = {
        quantity: q === undefined ? '' : String(q),
        dropPointId,
        organisationId: organisationId ?? '',
      }
      const result = await pledges.pledge(req.actor, req.territory!, req.params.id, input)
      if (result.kind === 'invalid') throw invalid(result.issues)
      return reply.code(201).send(pledgeJson(result.pledge))
    },
  )

  app.get(
    '/api/v1/needs/:id/pledges',
    {
      schema: {
        ...doc('listNeedPledges', 'The pledges to a need of my organisation'),
        params: idParams,
        response: { 200: Type.Array(Type.Ref('Pledge')), 401: problem, 403: problem, 404: problem },
      },
      config: { permission: 'session', scope: 'organisations:read' },
    },
    async (req) => {
      const { lines } = await pledges.ofNeed(req.actor, req.territory!, req.params.id)
      return lines.map((l) => ({ ...pledgeJson(l.pledge), person: l.person, onBehalf: l.onBehalf }))
    },
  )

  app.delete(
    '/api/v1/pledges/:id',
    {
      schema: {
        ...doc('cancelPledge', 'Cancel my pledge'),
        params: idParams,
        response: { 204: Type.Null(), ...problems },
      },
      config: { permission: 'session', scope: 'participation:write' },
    },
    async (req, reply) => {
      await pledges.cancel(req.actor, req.territory!, req.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/v1/pledges/:id/receipt',
    {
      schema: {
        ...doc('confirmPledgeReceipt', 'Confirm what arrived of a pledge to my organisation'),
        params: idParams,
        body: ReceiptBody,
        response: { 200: Type.Ref('Pledge'), ...problems },
      },
      config: { permission: 'verified', scope: 'organisations:write' },
    },
    async (req) => {
      const q = req.body.quantity
      const result = await pledges.receive(
        req.actor,
        req.territory!,
        req.params.id,
        q === undefined ? '' : String(q),
      )
      if (result.kind === 'invalid') throw invalid(result.issues.map((i) => ({ ...i, field: 'quantity' })))
      return pledgeJson(result.pledge)
    },
  )

  app.get(
    '/api/v1/me/pledges',
    {
      schema: {
        ...doc('listMyPledges', 'My pledges, newest first'),
        response: { 200: Type.Array(Type.Ref('Pledge')), 401: problem, 403: problem },
      },
      config: { permission: 'session', scope: 'organisations:read' },
    },
    async (req) => (await pledges.mine(req.actor, req.territory!)).map((r) => pledgeJson(r.pledge)),
  )
}
