import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type TSchema, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { listingStatuses } from '../listings/index.ts'
import { contactChannels, matchStatuses } from './match.schema.ts'
import { MatchService } from './match.service.ts'
import { MatchRefusal, MESSAGE_MAX, REASON_MAX, THANKS_MAX } from './match.ts'
import { MatchClosing } from './match-closing.service.ts'
import type { MatchResult } from './match-guards.ts'
import { RespondService } from './respond.service.ts'

const enumOf = <T extends string>(values: readonly T[], options: object = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options })
const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()])
const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  429: Type.Ref('Problem'),
}
const when = (description?: string) =>
  nullable(Type.String({ format: 'date-time', ...(description ? { description } : {}) }))
const party = Type.Object({
  id: Type.String({ format: 'uuid' }),
  displayName: Type.String({ examples: ['Marie D.'] }),
})
const actions = Type.Array(
  enumOf(['accept', 'decline', 'withdraw', 'cancel', 'markDone', 'confirm'] as const),
  {
    description: 'what the caller may do now; markDone is POST …/done',
    examples: [['accept', 'decline']],
  },
)

const MatchView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    listing: Type.Object({
      id: Type.String({ format: 'uuid' }),
      title: Type.String({ examples: ['Courses pour ma voisine'] }),
      kind: enumOf(['ask', 'offer'] as const),
      status: enumOf(listingStatuses),
    }),
    role: enumOf(['author', 'responder'] as const, { description: 'the caller’s side' }),
    status: enumOf(matchStatuses, { examples: ['accepted'] }),
    otherParty: party,
    response: nullable(
      Type.Object({
        message: Type.String({
          examples: ['Bonjour, je passe à Caen le samedi, je peux porter vos courses.'],
        }),
        createdAt: Type.String({ format: 'date-time' }),
      }),
    ),
    myShares: Type.Array(enumOf(contactChannels), {
      description: 'what the caller shows the other party once accepted',
      examples: [['email']],
    }),
    reason: nullable(Type.String({ description: 'why it was declined or cancelled' })),
    endedBy: nullable(enumOf(['me', 'other'] as const)),
    doneMarkedBy: nullable(enumOf(['me', 'other'] as const)),
    doneMarkedAt: when(),
    thanks: nullable(Type.Object({ text: Type.String(), public: Type.Boolean() })),
    createdAt: Type.String({ format: 'date-time' }),
    acceptedAt: when(),
    endedAt: when(),
    lastActivityAt: Type.String({ format: 'date-time' }),
    actions,
    contacts: Type.Optional(
      Type.Object(
        {
          phone: Type.Optional(Type.String({ examples: ['+33612345678'] })),
          email: Type.Optional(Type.String({ format: 'email', examples: ['marie@exemple.fr'] })),
        },
        {
          description:
            'Only once the match is accepted (and after the help was given): what the other party chose to share. Absent otherwise.',
        },
      ),
    ),
  },
  {
    $id: 'Match',
    description:
      'A match (« mise en relation ») between a listing’s author and a responder, as the caller sees it',
  },
)

const MatchSummary = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    listing: Type.Object({
      id: Type.String({ format: 'uuid' }),
      title: Type.String(),
      kind: enumOf(['ask', 'offer'] as const),
    }),
    role: enumOf(['author', 'responder'] as const),
    status: enumOf(matchStatuses),
    otherParty: party,
    lastActivityAt: Type.String({ format: 'date-time' }),
    unread: Type.Integer({ description: 'messages from the other party not yet seen', examples: [2] }),
  },
  { $id: 'MatchSummary' },
)

const shares = Type.Optional(
  Type.Array(enumOf(contactChannels), {
    maxItems: 2,
    uniqueItems: true,
    description: 'contact details to show the other party once accepted (phone only if the account has one)',
    examples: [['phone', 'email']],
  }),
)
/** Bodies: any other field (status, authorId, territoryId…) is dropped by validation, never read. */
const RespondBody = Type.Object(
  {
    message: Type.String({
      maxLength: 10_000,
      description: `plain text, at most ${MESSAGE_MAX} characters`,
      examples: ['Bonjour, je peux passer samedi matin.'],
    }),
    shares,
  },
  { additionalProperties: false },
)
const AcceptBody = Type.Object({ shares }, { additionalProperties: false })
const reason = (required: boolean) =>
  Type.String({
    maxLength: 10_000,
    description: `${required ? 'required' : 'optional'}, at most ${REASON_MAX} characters`,
    examples: ['Je ne suis finalement plus disponible.'],
  })
const DeclineBody = Type.Object({ reason: Type.Optional(reason(false)) }, { additionalProperties: false })
const CancelBody = Type.Object({ reason: reason(true) }, { additionalProperties: false })
const ThanksBody = Type.Object(
  {
    thanks: Type.Optional(
      Type.String({
        maxLength: 10_000,
        description: `an optional thank-you note, at most ${THANKS_MAX} characters`,
        examples: ['Merci beaucoup pour les courses !'],
      }),
    ),
    thanksPublic: Type.Optional(Type.Boolean({ description: 'show the note on the listing' })),
  },
  { additionalProperties: false },
)

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })

/** A refusal speaks the caller's language in the problem's `detail`; invalid input lists its fields. */
async function run(req: FastifyRequest, use: () => Promise<MatchResult>) {
  try {
    const result = await use()
    if (result.kind === 'invalid') throw new ValidationError(result.issues)
    return result.match
  } catch (error) {
    if (error instanceof MatchRefusal) throw new HttpError(error.statusCode, req.t(error.key, error.params))
    throw error
  }
}

/** Responses and their lifecycle in JSON: the same use cases, permissions and rules as the pages. */
export async function matchApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const matches = new MatchService(services)
  const closing = new MatchClosing(services)
  const responses = new RespondService(services)
  app.addSchema(MatchView)
  app.addSchema(MatchSummary)

  app.post(
    '/api/v1/listings/:id/responses',
    {
      schema: {
        operationId: 'respondToListing',
        tags: ['matches'],
        summary: 'Respond to a listing (« Je peux aider » / « Ça m’intéresse »)',
        description:
          'Needs a verified email and the « listings:write » scope. One response per person and listing; not to one’s own listing.',
        params: idParams,
        body: RespondBody,
        response: { 201: Type.Ref('Match'), ...problems },
      },
      config: { permission: 'verified', scope: 'listings:write' },
    },
    async (req, reply) => {
      const input = { message: req.body.message, shares: (req.body.shares ?? []) as string[] }
      const match = await run(req, () => responses.respond(req.actor, req.territory!, req.params.id, input))
      return reply.code(201).send(await matches.present(req.actor, req.territory!, match))
    },
  )

  app.get(
    '/api/v1/matches',
    {
      schema: {
        operationId: 'listMyMatches',
        tags: ['matches'],
        summary: 'My matches, as author and as responder, newest activity first',
        response: { 200: Type.Array(Type.Ref('MatchSummary')), 401: problems[401], 403: problems[403] },
      },
      config: { permission: 'session', scope: 'listings:read' },
    },
    async (req) => matches.mine(req.actor, req.territory!),
  )

  app.get(
    '/api/v1/matches/:id',
    {
      schema: {
        operationId: 'getMatch',
        tags: ['matches'],
        summary: 'One of my matches',
        description:
          '`contacts` appears only once the match is accepted. Anyone but its two parties gets 404.',
        params: idParams,
        response: { 200: Type.Ref('Match'), 401: problems[401], 403: problems[403], 404: problems[404] },
      },
      config: { permission: 'session', scope: 'listings:read' },
    },
    async (req) => {
      const match = await matches.find(req.actor, req.territory!, req.params.id)
      return matches.present(req.actor, req.territory!, match)
    },
  )

  const routes = [
    ['accept', 'Accept a response to my listing', AcceptBody],
    ['decline', 'Decline a response to my listing', DeclineBody],
    ['withdraw', 'Withdraw my response while it is pending', null],
    ['cancel', 'Cancel an accepted match (a reason is required)', CancelBody],
    ['done', 'Say the help was given (from the author, this confirms it)', ThanksBody],
    ['confirm', 'Confirm the help was given, with optional thanks (author only)', ThanksBody],
  ] as const
  const operationIds = {
    accept: 'acceptMatch',
    decline: 'declineMatch',
    withdraw: 'withdrawMatch',
    cancel: 'cancelMatch',
    done: 'markMatchDone',
    confirm: 'confirmMatch',
  } as const
  for (const [action, summary, body] of routes) {
    app.post(
      `/api/v1/matches/:id/${action}`,
      {
        schema: {
          operationId: operationIds[action],
          tags: ['matches'],
          summary,
          params: idParams,
          ...(body ? { body } : {}),
          response: { 200: Type.Ref('Match'), ...problems },
        },
        config: { permission: 'session', scope: 'listings:write' },
      },
      async (req) => {
        const territory = req.territory!
        const id = (req.params as { id: string }).id
        const b = (req.body ?? {}) as {
          shares?: string[]
          reason?: string
          thanks?: string
          thanksPublic?: boolean
        }
        const thanks = { thanks: b.thanks ?? '', thanksPublic: b.thanksPublic ?? false }
        const match = await run(req, () => {
          if (action === 'accept') return matches.accept(req.actor, territory, id, b.shares ?? [])
          if (action === 'decline') return matches.decline(req.actor, territory, id, b.reason ?? '')
          if (action === 'withdraw') return matches.withdraw(req.actor, territory, id)
          if (action === 'cancel') return matches.cancel(req.actor, territory, id, b.reason ?? '')
          if (action === 'done') return closing.markDone(req.actor, territory, id, thanks)
          return closing.confirm(req.actor, territory, id, thanks)
        })
        return matches.present(req.actor, territory, match)
      },
    )
  }
}
