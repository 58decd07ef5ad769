import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { listingKinds, urgencies } from './listing.schema.ts'
import { alertFrequencies } from './saved-search.schema.ts'
import { SavedSearchService } from './saved-search.service.ts'
import { SearchService } from './search.service.ts'
import { PAGE_SIZE, parseSearch, SEARCH_KINDS, SearchQuerystring, SORTS } from './search.ts'
import type { MissionsInSearch } from './search-missions.ts'

const LIMIT_MAX = 50
const enumOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] })

const SearchResult = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: enumOf(listingKinds),
    title: Type.String({ examples: ['Aide pour installer un ordinateur'] }),
    category: Type.Object({
      slug: Type.String({ examples: ['digital-help'] }),
      name: Type.String({ examples: ['Aide informatique'] }),
    }),
    commune: Type.Object({
      insee: Type.String({ examples: ['14366'] }),
      name: Type.Union([Type.String(), Type.Null()], { examples: ['Lisieux'] }),
    }),
    distanceKm: Type.Union([Type.Number(), Type.Null()], {
      description: 'from the centre, 0.1 km',
      examples: [3.5],
    }),
    publishedAt: Type.String({ format: 'date-time' }),
    urgency: Type.Union([enumOf(urgencies), Type.Null()]),
    author: Type.Object({ displayName: Type.String({ examples: ['Zoé'] }) }),
    point: Type.Object(
      { latitude: Type.Number({ examples: [49.15] }), longitude: Type.Number({ examples: [0.24] }) },
      { description: 'the commune’s centre, rounded: never an address' },
    ),
  },
  { $id: 'ListingSearchResult' },
)

const MissionSearchResult = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    title: Type.String({ examples: ['Distribution de colis alimentaires'] }),
    organisation: Type.Object({ name: Type.String({ examples: ['Les Restos du Cœur de Caen'] }) }),
    commune: Type.Object({
      insee: Type.String({ examples: ['14118'] }),
      name: Type.Union([Type.String(), Type.Null()], { examples: ['Caen'] }),
    }),
    distanceKm: Type.Union([Type.Number(), Type.Null()], {
      description: 'from the centre, 0.1 km',
      examples: [2.5],
    }),
    nextSlot: Type.Object(
      {
        startsAt: Type.String({ format: 'date-time' }),
        placesLeft: Type.Integer({ minimum: 1, examples: [2] }),
      },
      { description: 'the soonest slot to come with a place left' },
    ),
    publishedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'MissionSearchResult' },
)

const SearchResults = Type.Object({
  results: Type.Array(Type.Ref('ListingSearchResult'), {
    description: 'asks and offers; empty with kind=mission',
  }),
  missions: Type.Array(Type.Ref('MissionSearchResult'), {
    description:
      'volunteer missions of verified organisations: with kind=mission the page (nextCursor continues it), ' +
      'without a kind the 3 that match best on the first page, with kind=ask or offer none',
  }),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'pass as cursor for the next page' }),
  sort: enumOf(SORTS),
  correctedWords: Type.Union([Type.Array(Type.String()), Type.Null()], {
    description: 'no listing has the words as typed: the close words searched instead',
    examples: [['ordinateur', 'ordinateurs']],
  }),
})

const problem = Type.Ref('Problem')

const SavedSearch = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.Union([enumOf(SEARCH_KINDS), Type.Null()]),
    categories: Type.Array(Type.String(), { examples: [['digital-help']] }),
    words: Type.Union([Type.String(), Type.Null()], { examples: ['ordinateur'] }),
    commune: Type.Union([Type.Object({ insee: Type.String(), name: Type.String() }), Type.Null()], {
      examples: [{ insee: '14366', name: 'Lisieux' }],
    }),
    radiusKm: Type.Union([Type.Integer(), Type.Null()], { examples: [10] }),
    urgency: Type.Union([enumOf(urgencies), Type.Null()]),
    frequency: enumOf(alertFrequencies),
    createdAt: Type.String({ format: 'date-time' }),
    href: Type.String({
      description: 'the search page of its listings',
      examples: ['/annonces?commune=Lisieux+%2814100%29'],
    }),
  },
  { $id: 'SavedSearch' },
)

const SavedSearchInput = Type.Object(
  {
    kind: Type.Optional(enumOf(SEARCH_KINDS)),
    categories: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
    words: Type.Optional(Type.String({ maxLength: 1000, description: '200 characters at most' })),
    commune: Type.Optional(Type.String({ maxLength: 100, description: 'INSEE code, postal code or name' })),
    radiusKm: Type.Optional(Type.Integer({ description: 'one of 5, 10, 20, 50' })),
    urgency: Type.Optional(enumOf(urgencies)),
    frequency: Type.String({ description: 'immediate or daily' }),
  },
  {
    additionalProperties: false,
    examples: [
      { kind: 'ask', categories: ['digital-help'], commune: '14366', radiusKm: 10, frequency: 'immediate' },
    ],
  },
)

/** The same search as /annonces, for programs: public, read-only. */
export async function searchApi(
  base: FastifyInstance,
  services: AppServices,
  missions: MissionsInSearch | null = null,
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  app.addSchema(SearchResult)
  app.addSchema(MissionSearchResult)
  app.addSchema(SavedSearch)
  const search = new SearchService(services, missions)

  app.get(
    '/api/v1/listings/search',
    {
      schema: {
        operationId: 'searchListings',
        tags: ['listings'],
        summary: 'Search published listings and volunteer missions',
        description:
          'Open to everyone. Words are matched in French (accents and case ignored, stemming, close spellings). ' +
          'kind=mission searches the volunteer missions of verified organisations instead (in `missions`). ' +
          'Example: `?words=ordinateur&categories=digital-help&commune=14366&radiusKm=10&sort=distance`.',
        querystring: Type.Composite([
          SearchQuerystring,
          Type.Object({
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMIT_MAX, default: PAGE_SIZE })),
          }),
        ]),
        response: { 200: SearchResults, 400: problem },
      },
      // parseSearch gives the reasons in the caller's language, rather than the validator's English.
      attachValidation: true,
      config: { permission: 'public', scope: 'listings:read' },
    },
    async (req) => {
      const raw = req.query as Record<string, unknown>
      const parsed = parseSearch(raw)
      if ('issues' in parsed) throw new ValidationError(parsed.issues)
      const limit = Number(raw.limit ?? PAGE_SIZE)
      if (!Number.isInteger(limit) || limit < 1 || limit > LIMIT_MAX)
        throw new ValidationError([{ field: 'limit', key: 'search.error.limit', params: { max: LIMIT_MAX } }])
      const page = await search.search(req.territory!, parsed.query, req.locale, limit)
      return {
        results: page.results.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() })),
        missions: page.missions.map((m) => ({
          ...m,
          nextSlot: { ...m.nextSlot, startsAt: m.nextSlot.startsAt.toISOString() },
          publishedAt: m.publishedAt.toISOString(),
        })),
        nextCursor: page.nextCursor,
        sort: page.sort,
        correctedWords: page.correctedWords,
      }
    },
  )

  const saved = new SavedSearchService(services)
  const present = (v: Awaited<ReturnType<SavedSearchService['present']>>) => ({
    ...v,
    createdAt: v.createdAt.toISOString(),
  })

  app.get(
    '/api/v1/me/saved-searches',
    {
      schema: {
        operationId: 'listMySavedSearches',
        tags: ['listings'],
        summary: 'My saved searches (alerts)',
        description: 'With a token, it needs the profile:read scope.',
        response: { 200: Type.Array(Type.Ref('SavedSearch')), 401: problem, 403: problem },
      },
      config: { permission: 'session', scope: 'profile:read' },
    },
    async (req) => (await saved.list(req.actor, req.territory!)).map(present),
  )

  app.post(
    '/api/v1/me/saved-searches',
    {
      schema: {
        operationId: 'createSavedSearch',
        tags: ['listings'],
        summary: 'Save a search and be alerted of new listings',
        description:
          '« Prévenez-moi des nouvelles demandes d’aide informatique à moins de 10 km de Lisieux ». With a token, it needs the profile:write scope.',
        body: SavedSearchInput,
        response: { 201: Type.Ref('SavedSearch'), 400: problem, 401: problem, 403: problem },
      },
      config: { permission: 'session', scope: 'profile:write' },
    },
    async (req, reply) => {
      const { frequency, ...rest } = req.body
      const parsed = parseSearch(rest as Record<string, unknown>)
      if ('issues' in parsed) throw new ValidationError(parsed.issues)
      const { cursor: _, sort: __, ...query } = parsed.query
      return reply.code(201).send(present(await saved.create(req.actor, req.territory!, query, frequency)))
    },
  )

  app.delete(
    '/api/v1/me/saved-searches/:id',
    {
      schema: {
        operationId: 'deleteSavedSearch',
        tags: ['listings'],
        summary: 'Delete one of my saved searches',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 204: Type.Null(), 401: problem, 403: problem, 404: problem },
      },
      config: { permission: 'session', scope: 'profile:write' },
    },
    async (req, reply) => {
      await saved.delete(req.actor, req.territory!, req.params.id)
      return reply.code(204).send(null)
    },
  )
}
