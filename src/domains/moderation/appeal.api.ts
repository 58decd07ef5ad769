import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { AppealReviewService } from './appeal-review.service.ts'
import { sanctionKinds, sanctionReasons } from './moderation.schema.ts'
import { ANSWER_MAX, appealDecisions } from './sanction-life.ts'

const enumOf = <T extends string>(values: readonly T[], options: object = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options })
const DateTime = Type.String({ format: 'date-time' })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

const OpenAppeal = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    person: Type.Object({ id: Type.String({ format: 'uuid' }), displayName: Type.String() }),
    statement: Type.String({ description: 'the person’s own words, as typed' }),
    filedAt: DateTime,
    sanction: Type.Object({
      id: Type.String({ format: 'uuid' }),
      kind: enumOf(sanctionKinds),
      reason: enumOf(sanctionReasons),
      explanation: Type.String(),
      decidedAt: DateTime,
      endsAt: Nullable(DateTime),
      decidedBy: Nullable(Type.String({ format: 'uuid' })),
      itemId: Nullable(Type.String({ format: 'uuid', description: 'the queue item the decision closed' })),
    }),
  },
  { $id: 'OpenAppeal' },
)

const AppealDecisionBody = Type.Object(
  {
    decision: Type.String({
      maxLength: 40,
      enum: [...appealDecisions],
      description: 'granted lifts the sanction',
    }),
    answer: Type.String({
      maxLength: 20_000,
      description: `sent to the person; at most ${ANSWER_MAX} characters`,
    }),
  },
  { additionalProperties: false },
)

const AppealDecided = Type.Object(
  { id: Type.String({ format: 'uuid' }), status: enumOf(appealDecisions) },
  { $id: 'AppealDecided' },
)

/** Staff powers come with the staff member's own session and second factor, never with a token. */
const staff = { permission: 'moderation:review', scope: null } as const

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  429: Type.Ref('Problem'),
}

/** Appeals in JSON for moderators: the open ones, and the answer to one (same rules as the page). */
export async function appealApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const reviews = new AppealReviewService(services)
  app.addSchema(OpenAppeal)
  app.addSchema(AppealDecided)

  app.get(
    '/api/v1/moderation/appeals',
    {
      schema: {
        operationId: 'listOpenAppeals',
        tags: ['moderation'],
        summary: 'The appeals waiting for a moderator, oldest first',
        description:
          'For moderators of the territory, from their session with the second factor: a token never carries staff powers.',
        response: { 200: Type.Object({ appeals: Type.Array(Type.Ref('OpenAppeal')) }), ...problems },
      },
      config: staff,
    },
    async (req) => {
      const { rows, people } = await reviews.open(req.actor, req.territory!)
      return {
        appeals: rows.map(({ appeal, sanction }) => ({
          id: appeal.id,
          person: { id: appeal.accountId, displayName: people.get(appeal.accountId)?.displayName ?? '' },
          statement: appeal.statement,
          filedAt: appeal.createdAt.toISOString(),
          sanction: {
            id: sanction.id,
            kind: sanction.kind,
            reason: sanction.reason,
            explanation: sanction.explanation,
            decidedAt: sanction.decidedAt.toISOString(),
            endsAt: sanction.endsAt?.toISOString() ?? null,
            decidedBy: sanction.decidedBy,
            itemId: sanction.itemId,
          },
        })),
      }
    },
  )

  app.post(
    '/api/v1/moderation/appeals/:id/decision',
    {
      schema: {
        operationId: 'decideAppeal',
        tags: ['moderation'],
        summary: 'Lift the sanction (granted) or keep it (upheld), with an answer sent to the person',
        description:
          'A moderator other than the one who decided the sanction (403 otherwise), from their session with the second factor; an appeal already answered is 409.',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        body: AppealDecisionBody,
        response: { 200: Type.Ref('AppealDecided'), ...problems },
      },
      config: staff,
    },
    async (req) => {
      const outcome = await reviews.decide(req.actor, req.territory!, req.params.id, req.body)
      if (outcome.kind === 'invalid') throw new ValidationError(outcome.issues)
      if (outcome.kind === 'own-decision') throw new HttpError(403, req.t('appealReview.own'))
      if (outcome.kind === 'stale') throw new HttpError(409, req.t('appealReview.stale'))
      return { id: req.params.id, status: outcome.status }
    },
  )
}
