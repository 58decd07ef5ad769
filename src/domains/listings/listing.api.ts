import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { INSEE_PATTERN } from '../../platform/geo/commune.ts'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { listingStatuses, urgencies, whenKinds } from './listing.schema.ts'
import { ListingService } from './listing.service.ts'
import { DESCRIPTION_MAX, type ListingInput, TITLE_MAX } from './listing.ts'

const enumOf = <T extends string>(values: readonly T[], options: object = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options })
const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  429: Type.Ref('Problem'),
}
const nullable = <T extends import('@sinclair/typebox').TSchema>(s: T) => Type.Union([s, Type.Null()])
const day = nullable(Type.String({ format: 'date', examples: ['2026-04-02'] }))

const ListingView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: enumOf(['ask', 'offer'] as const),
    status: enumOf(listingStatuses),
    title: Type.String({ examples: ['Courses pour ma voisine'] }),
    description: Type.String({ description: 'plain text, line breaks kept' }),
    category: Type.Object({ id: Type.String(), name: Type.String(), guidance: Type.String() }),
    commune: Type.Object({
      insee: Type.String({ examples: ['14118'] }),
      name: Type.String({ examples: ['Caen'] }),
    }),
    distanceKm: nullable(Type.Number({ description: 'from the caller’s commune', examples: [4.2] })),
    when: Type.Object({ kind: enumOf(whenKinds), start: day, end: day, recurrence: nullable(Type.String()) }),
    urgency: nullable(enumOf(urgencies)),
    capacity: nullable(Type.String({ examples: ['2 personnes par semaine'] })),
    onBehalf: nullable(Type.Object({ name: Type.String({ examples: ['Marcel'] }), relation: Type.String() })),
    author: Type.Object({ displayName: Type.String(), memberSince: Type.String({ examples: ['2026-03'] }) }),
    publishedAt: nullable(Type.String({ format: 'date-time' })),
    own: Type.Boolean({ description: 'the caller wrote it' }),
    holdReasons: Type.Optional(
      Type.Array(Type.String(), { description: 'author only: why it awaits review' }),
    ),
    expiresAt: Type.Optional(Type.String({ format: 'date-time', description: 'author only' })),
    actions: Type.Optional(
      Type.Array(Type.String(), { description: 'author only: edit, close, renew, fulfilled' }),
    ),
  },
  {
    $id: 'Listing',
    description: 'An ask or an offer, as the caller may see it; never an address, phone or email',
  },
)

const text = (options: object) => Type.Optional(Type.String(options))
/**
 * What a caller sends. Any other field (status, authorId, territoryId…) is dropped by validation
 * before the handler runs; values are checked by the same rules as the web form.
 */
const ListingBody = Type.Object(
  {
    kind: text({ enum: ['ask', 'offer'], description: 'ignored when editing' }),
    categoryId: text({ maxLength: 100, description: 'from /api/v1/categories' }),
    title: text({
      maxLength: 1000,
      description: `at most ${TITLE_MAX} characters`,
      examples: ['Courses du samedi'],
    }),
    description: text({ maxLength: 20_000, description: `at most ${DESCRIPTION_MAX} characters` }),
    communeInsee: text({ pattern: INSEE_PATTERN, examples: ['14118'] }),
    whenKind: text({ enum: [...whenKinds] }),
    whenStart: text({ maxLength: 20, examples: ['2026-04-02'] }),
    whenEnd: text({ maxLength: 20 }),
    recurrence: text({ maxLength: 1000, examples: ['tous les mardis'] }),
    urgency: text({ enum: [...urgencies], description: 'asks only' }),
    capacity: text({ maxLength: 1000, description: 'offers only', examples: ['2 personnes par semaine'] }),
    onBehalf: Type.Optional(
      Type.Object(
        {
          name: Type.String({ maxLength: 1000, examples: ['Marcel'] }),
          relation: Type.String({ maxLength: 1000, examples: ['mon voisin'] }),
          consent: Type.Boolean({ description: 'the person agrees to the post' }),
        },
        { additionalProperties: false },
      ),
    ),
    charter: Type.Optional(
      Type.Boolean({ description: 'the charter of free mutual aid, accepted on every post' }),
    ),
  },
  { additionalProperties: false },
)
type ListingBody = Static<typeof ListingBody>

function inputFrom(body: ListingBody): ListingInput {
  return {
    kind: body.kind ?? '',
    categoryId: body.categoryId ?? '',
    title: body.title ?? '',
    description: body.description ?? '',
    whenKind: body.whenKind ?? '',
    whenStart: body.whenStart ?? '',
    whenEnd: body.whenEnd ?? '',
    recurrence: body.recurrence ?? '',
    urgency: body.urgency ?? '',
    capacity: body.capacity ?? '',
    forOther: body.onBehalf !== undefined,
    onBehalfName: body.onBehalf?.name ?? '',
    onBehalfRelation: body.onBehalf?.relation ?? '',
    onBehalfConsent: body.onBehalf?.consent ?? false,
    charter: body.charter ?? false,
  }
}

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const communeIssue = <T extends { field: string }>(i: T) =>
  i.field === 'commune' ? { ...i, field: 'communeInsee' } : i

/** The JSON side of posting and the lifecycle: the same use cases, permissions and rules as the pages. */
export async function listingApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const listings = new ListingService(services)
  app.addSchema(ListingView)

  app.post(
    '/api/v1/listings',
    {
      schema: {
        operationId: 'createListing',
        tags: ['listings'],
        summary: 'Post an ask or an offer',
        description: 'Wording about money holds it for review (status "held", with holdReasons).',
        body: ListingBody,
        response: { 201: Type.Ref('Listing'), ...problems },
      },
      config: { permission: 'verified', scope: 'listings:write' },
    },
    async (req, reply) => {
      const { communeInsee = '' } = req.body
      const result = await listings.create(req.actor, req.territory!, inputFrom(req.body), {
        insee: communeInsee,
      })
      if (result.kind === 'invalid') throw new ValidationError(result.issues.map(communeIssue))
      return reply
        .code(201)
        .send(await listings.present(req.actor, req.territory!, result.listing, req.locale))
    },
  )

  app.get(
    '/api/v1/listings/:id',
    {
      schema: {
        operationId: 'getListing',
        tags: ['listings'],
        summary: 'A listing',
        params: idParams,
        response: { 200: Type.Ref('Listing'), 404: problems[404] },
      },
      config: { permission: 'public', scope: 'listings:read' },
    },
    async (req) => {
      const listing = await listings.find(req.actor, req.territory!, req.params.id)
      return listings.present(req.actor, req.territory!, listing, req.locale)
    },
  )

  app.patch(
    '/api/v1/listings/:id',
    {
      schema: {
        operationId: 'updateListing',
        tags: ['listings'],
        summary: 'Edit my listing',
        description: 'Send the whole listing, with charter: true; only its author may.',
        params: idParams,
        body: ListingBody,
        response: { 200: Type.Ref('Listing'), ...problems },
      },
      config: { permission: 'verified', scope: 'listings:write' },
    },
    async (req) => {
      const { communeInsee = '' } = req.body
      const input = inputFrom(req.body)
      const result = await listings.edit(req.actor, req.territory!, req.params.id, input, {
        insee: communeInsee,
      })
      if (result.kind === 'invalid') throw new ValidationError(result.issues.map(communeIssue))
      return listings.present(req.actor, req.territory!, result.listing, req.locale)
    },
  )

  for (const action of ['close', 'renew', 'fulfilled'] as const) {
    app.post(
      `/api/v1/listings/:id/${action}`,
      {
        schema: {
          operationId: { close: 'closeListing', renew: 'renewListing', fulfilled: 'markListingFulfilled' }[
            action
          ],
          tags: ['listings'],
          summary: {
            close: 'Close my listing',
            renew: 'Renew my listing for 30 days',
            fulfilled: 'Mark my listing as fulfilled',
          }[action],
          params: idParams,
          response: { 200: Type.Ref('Listing'), ...problems },
        },
        config: { permission: 'session', scope: 'listings:write' },
      },
      async (req) => {
        const territory = req.territory!
        const run = { close: listings.close, renew: listings.renew, fulfilled: listings.markFulfilled }[
          action
        ]
        const listing = await run.call(listings, req.actor, territory, req.params.id)
        return listings.present(req.actor, territory, listing, req.locale)
      },
    )
  }

  app.get(
    '/api/v1/me/listings',
    {
      schema: {
        operationId: 'listMyListings',
        tags: ['listings'],
        summary: 'My listings, newest first',
        response: { 200: Type.Array(Type.Ref('Listing')), 401: problems[401] },
      },
      config: { permission: 'session', scope: 'listings:read' },
    },
    async (req) => {
      const mine = await listings.mine(req.actor, req.territory!)
      return Promise.all(mine.map((l) => listings.present(req.actor, req.territory!, l, req.locale)))
    },
  )
}
