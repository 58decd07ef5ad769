import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { PlanService } from './plan.service.ts'
import { ProposalService } from './proposal.service.ts'
import { SuggestionService } from './suggestion.service.ts'
import { UnansweredService } from './unanswered.service.ts'

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
}
// Staff powers never travel with a token (the policy refuses a scope on a staff route): the
// coordinators' operations answer a browser session with its second factor and CSRF header.
const staffRead = { permission: 'volunteers:dispatch', scope: null } as const
const staffWrite = staffRead
const mineRead = { permission: 'verified', scope: 'dispatch:read' } as const
const mineWrite = { permission: 'verified', scope: 'dispatch:write' } as const
const idParams = Type.Object({ id: Type.String({ maxLength: 200 }) })
const tags = ['dispatch']

const UnansweredAsk = Type.Object(
  {
    listingId: Type.String({ format: 'uuid' }),
    title: Type.String(),
    categoryId: Type.String({ format: 'uuid' }),
    categoryName: Type.String(),
    communeInsee: Type.String(),
    communeName: Type.String(),
    relayed: Type.Boolean({ description: 'posted by the phone line: listed at once' }),
    urgent: Type.Boolean(),
    ageHours: Type.Integer(),
    inFlight: Type.Integer({ description: 'proposals waiting for an answer' }),
  },
  { $id: 'UnansweredAsk' },
)
const Part = Type.Object({
  criterion: Type.String(),
  points: Type.Number(),
  value: Type.Optional(Type.String()),
})
const Suggestion = Type.Object(
  {
    volunteerId: Type.String({ format: 'uuid' }),
    displayName: Type.String(),
    communeName: Type.String(),
    distanceKm: Type.Number(),
    score: Type.Number(),
    parts: Type.Array(Part),
    why: Type.Array(Type.String(), { description: 'why it ranks there, in words' }),
    alreadyProposed: Type.Boolean(),
  },
  {
    $id: 'DispatchSuggestion',
    description: 'a volunteer for an ask: names and communes only, never a contact',
  },
)
const Plan = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    figures: Type.Record(Type.String(), Type.Number()),
    pairs: Type.Array(
      Type.Object({
        listingId: Type.String({ format: 'uuid' }),
        volunteerId: Type.String({ format: 'uuid' }),
        score: Type.Number(),
        distanceKm: Type.Integer(),
        removed: Type.Boolean(),
      }),
    ),
    unplaced: Type.Array(Type.String({ format: 'uuid' }), {
      description: 'listed asks with no plausible volunteer',
    }),
  },
  { $id: 'DispatchPlan' },
)
const MyProposal = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    listingId: Type.String({ format: 'uuid' }),
    title: Type.String(),
    status: Type.String({ description: 'pending, accepted, declined, expired, taken or withdrawn' }),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'MyProposal', description: 'an ask proposed to me; never who else received it' },
)

/** The dispatch API: coordinators' list, suggestions, proposals and plans; volunteers' proposals. */
export async function dispatchApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const unanswered = new UnansweredService(services)
  const suggestions = new SuggestionService(services)
  const proposals = new ProposalService(services)
  const plans = new PlanService(services)

  app.get(
    '/api/v1/dispatch/asks',
    {
      schema: {
        operationId: 'listUnansweredAsks',
        tags,
        summary: 'Asks nobody answered',
        response: { 200: Type.Array(UnansweredAsk), ...problems },
      },
      config: staffRead,
    },
    (req) => unanswered.list(req.actor, req.territory!, req.locale),
  )

  app.get(
    '/api/v1/dispatch/asks/:id/suggestions',
    {
      schema: {
        operationId: 'suggestVolunteers',
        tags,
        summary: 'Ranked volunteers for one ask',
        params: idParams,
        response: { 200: Type.Array(Suggestion), ...problems },
      },
      config: staffRead,
    },
    async (req) =>
      (await suggestions.forAsk(req.actor, req.territory!, req.params.id, req.locale)).suggestions.map(
        ({ facts: _, freeHalfDays: __, ...s }) => s,
      ),
  )

  app.post(
    '/api/v1/dispatch/asks/:id/proposals',
    {
      schema: {
        operationId: 'proposeAsk',
        tags,
        summary: 'Propose one ask to volunteers',
        params: idParams,
        body: Type.Object(
          { volunteerIds: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ sent: Type.Integer() }), ...problems },
      },
      config: staffWrite,
    },
    async (req) => {
      const result = await proposals.propose(req.actor, req.territory!, req.params.id, req.body.volunteerIds)
      if (result.kind === 'invalid') throw new ValidationError(result.issues)
      return { sent: result.count }
    },
  )

  const planBody = async (
    actor: Parameters<PlanService['view']>[0],
    territory: Parameters<PlanService['view']>[1],
    id: string,
  ) => {
    const found = await plans.view(actor, territory, id)
    return {
      id: found.plan.id,
      sentAt: found.plan.sentAt?.toISOString() ?? null,
      figures: found.plan.figures,
      pairs: found.pairs.map(({ listingId, volunteerId, score, distanceKm, removed }) => ({
        listingId,
        volunteerId,
        score,
        distanceKm,
        removed,
      })),
      unplaced: found.unplaced.map((u) => u.id),
    }
  }

  app.post(
    '/api/v1/dispatch/plans',
    {
      schema: {
        operationId: 'createDispatchPlan',
        tags,
        summary: 'Propose for all: build a plan to review',
        response: { 200: Plan, ...problems },
      },
      config: staffWrite,
    },
    async (req) => planBody(req.actor, req.territory!, await plans.create(req.actor, req.territory!)),
  )

  app.get(
    '/api/v1/dispatch/plans/:id',
    {
      schema: {
        operationId: 'getDispatchPlan',
        tags,
        summary: 'A bulk plan',
        params: idParams,
        response: { 200: Plan, ...problems },
      },
      config: staffRead,
    },
    (req) => planBody(req.actor, req.territory!, req.params.id),
  )

  app.post(
    '/api/v1/dispatch/plans/:id/send',
    {
      schema: {
        operationId: 'sendDispatchPlan',
        tags,
        summary: 'Send a plan’s kept pairs as proposals, once',
        params: idParams,
        body: Type.Object(
          {
            removedListingIds: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 5000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ sent: Type.Integer() }), ...problems },
      },
      config: staffWrite,
    },
    async (req) => {
      const result = await plans.send(
        req.actor,
        req.territory!,
        req.params.id,
        req.body.removedListingIds ?? [],
      )
      if (result.kind === 'invalid') throw new ValidationError(result.issues)
      return { sent: result.count }
    },
  )

  app.get(
    '/api/v1/me/proposals',
    {
      schema: {
        operationId: 'listMyProposals',
        tags,
        summary: 'Asks proposed to me',
        response: { 200: Type.Array(MyProposal), ...problems },
      },
      config: mineRead,
    },
    async (req) =>
      (await proposals.mine(req.actor, req.territory!)).map(({ proposal, listing }) => ({
        id: proposal.id,
        listingId: proposal.listingId,
        title: listing?.title ?? '',
        status: proposal.status,
        expiresAt: proposal.expiresAt.toISOString(),
      })),
  )

  app.post(
    '/api/v1/me/proposals/:id/accept',
    {
      schema: {
        operationId: 'acceptProposal',
        tags,
        summary: 'I can help: the first to accept gets the ask',
        params: idParams,
        body: Type.Object(
          { message: Type.Optional(Type.String({ maxLength: 10000 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ matchId: Type.String({ format: 'uuid' }) }), ...problems },
      },
      config: mineWrite,
    },
    async (req) => {
      const result = await proposals.accept(req.actor, req.territory!, req.params.id, req.body.message ?? '')
      if (result.kind === 'invalid') throw new ValidationError(result.issues)
      return { matchId: result.matchId }
    },
  )

  app.post(
    '/api/v1/me/proposals/:id/decline',
    {
      schema: {
        operationId: 'declineProposal',
        tags,
        summary: 'I cannot',
        params: idParams,
        response: { 200: Type.Object({ declined: Type.Boolean() }), ...problems },
      },
      config: mineWrite,
    },
    async (req) => {
      await proposals.decline(req.actor, req.territory!, req.params.id)
      return { declined: true }
    },
  )
}
