import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { INSEE_PATTERN } from '../../../platform/geo/commune.ts'
import { notFound } from '../../../platform/http/problem.ts'
import type { AppServices } from '../../../platform/services.ts'
import { ValidationError } from '../../../platform/validation.ts'
import { tokensApi } from '../tokens/tokens.api.ts'
import { ProfileService } from './profile.service.ts'
import { frequencies, RADIUS_OPTIONS } from './profile.ts'
import { AVAILABILITY_SLOTS, languageCodes } from './volunteer-fields.ts'

const enumOf = <T extends string | number>(values: readonly T[], options: object = {}) =>
  Type.Unsafe<T>({
    type: typeof values[0] === 'number' ? 'integer' : 'string',
    enum: [...values],
    ...options,
  })
const Frequency = enumOf(
  frequencies.map((f) => f.value),
  { description: 'immediate: straight away; daily: one digest a day; none: never' },
)
const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}

const OwnProfile = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    displayName: Type.String({ examples: ['Zoé N’Diaye'] }),
    email: Type.String({ examples: ['zoe@exemple.fr'] }),
    emailVerified: Type.Boolean(),
    commune: Type.Object({
      insee: Type.String({ examples: ['14118'] }),
      name: Type.Union([Type.String(), Type.Null()], { examples: ['Caen'] }),
      postalCode: Type.Union([Type.String(), Type.Null()], { examples: ['14000'] }),
    }),
    phone: Type.Union([Type.String(), Type.Null()], {
      description: 'E.164; shown to nobody else',
      examples: ['+33612345678'],
    }),
    interests: Type.Array(Type.String(), {
      description: 'slugs of the territory’s active categories (GET /api/v1/categories) the person follows',
      examples: [['groceries-medicines', 'gardening']],
    }),
    radiusKm: enumOf(RADIUS_OPTIONS, { examples: [10] }),
    notifications: Type.Object({ matches: Frequency, messages: Frequency, savedSearches: Frequency }),
    locale: enumOf(['fr', 'en'] as const),
    easyRead: Type.Boolean({ description: 'larger text and a simpler layout on the web pages' }),
    availability: Type.Array(enumOf(AVAILABILITY_SLOTS), {
      description: 'half-days the person is usually free, for coordinators’ proposals',
      examples: [['tue-am', 'sat-pm']],
    }),
    languages: Type.Array(enumOf(languageCodes), { examples: [['fr', 'ar']] }),
    acceptsProposals: Type.Boolean({
      description: 'coordinators may propose asks nobody answered to this person',
    }),
    sms: Type.Boolean({
      description:
        'notices sent straight away also go by SMS to the mobile number (an opt-in; a reply STOP ends it)',
    }),
    memberSince: Type.String({ description: 'month of sign-up, Europe/Paris', examples: ['2026-11'] }),
  },
  { $id: 'OwnProfile', description: 'The caller’s own profile' },
)

/**
 * What a person may change. Any other field (role, status, territoryId, emailVerifiedAt…) is
 * dropped by validation before the handler runs (additionalProperties: false with Fastify's
 * removeAdditional), so it can never reach the row. Values are checked by the same rules as the
 * web form, with messages in the caller's language, so the schema stays loose on purpose.
 */
const ProfilePatch = Type.Object(
  {
    displayName: Type.Optional(Type.String({ maxLength: 200, examples: ['Jean-Éric'] })),
    communeInsee: Type.Optional(
      Type.String({ pattern: INSEE_PATTERN, description: 'from /api/v1/communes', examples: ['14047'] }),
    ),
    phone: Type.Optional(
      Type.Union([Type.String({ maxLength: 100 }), Type.Null()], {
        description: 'French or international (+…) format; null or "" removes it',
        examples: ['06 12 34 56 78'],
      }),
    ),
    interests: Type.Optional(
      Type.Array(Type.String({ maxLength: 50 }), {
        maxItems: 50,
        description: 'slugs of the territory’s active categories (GET /api/v1/categories)',
      }),
    ),
    radiusKm: Type.Optional(Type.Integer({ description: `one of ${RADIUS_OPTIONS.join(', ')}` })),
    notifications: Type.Optional(
      Type.Object(
        {
          matches: Type.Optional(Type.String()),
          messages: Type.Optional(Type.String()),
          savedSearches: Type.Optional(Type.String()),
        },
        { additionalProperties: false, description: 'immediate, daily or none for each type' },
      ),
    ),
    locale: Type.Optional(Type.String({ examples: ['en'] })),
    easyRead: Type.Optional(Type.Boolean()),
    availability: Type.Optional(
      Type.Array(Type.String({ maxLength: 50 }), {
        maxItems: 50,
        description: `any of: ${AVAILABILITY_SLOTS.join(', ')}`,
      }),
    ),
    languages: Type.Optional(
      Type.Array(Type.String({ maxLength: 50 }), {
        maxItems: 50,
        description: `any of: ${languageCodes.join(', ')}`,
      }),
    ),
    acceptsProposals: Type.Optional(Type.Boolean()),
    sms: Type.Optional(
      Type.Boolean({ description: 'true opts in to notices by SMS: needs a mobile number (06, 07)' }),
    ),
  },
  { additionalProperties: false },
)

const PublicProfile = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    displayName: Type.String({ examples: ['Zoé'] }),
    commune: Type.Union([Type.String(), Type.Null()], { examples: ['Bayeux'] }),
    memberSince: Type.String({ examples: ['2026-11'] }),
  },
  { $id: 'PublicProfile', description: 'What anyone may see of a member' },
)

/**
 * The caller's profile for the mobile app (a token with profile:read / profile:write, or the
 * web session with its x-csrf-token header), and members' public profiles.
 */
export async function profileApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const profiles = new ProfileService(services)

  app.get(
    '/api/v1/me',
    {
      schema: {
        operationId: 'getMyProfile',
        tags: ['accounts'],
        summary: 'My profile',
        description: 'With a token, it needs the profile:read scope.',
        response: { 200: OwnProfile, 401: problems[401], 403: problems[403] },
      },
      config: { permission: 'session', scope: 'profile:read' },
    },
    async (req) => profiles.own(req.actor),
  )

  app.patch(
    '/api/v1/me',
    {
      schema: {
        operationId: 'updateMyProfile',
        tags: ['accounts'],
        summary: 'Change my profile',
        description:
          'Only the fields sent change; fields not listed are ignored. With a token, it needs the profile:write scope.',
        body: ProfilePatch,
        response: { 200: OwnProfile, ...problems },
      },
      config: { permission: 'session', scope: 'profile:write' },
    },
    async (req) => {
      const { communeInsee, phone, ...rest } = req.body
      const result = await profiles.update(req.actor, req.territory!, {
        ...rest,
        ...(communeInsee === undefined ? {} : { commune: { insee: communeInsee } }),
        ...(phone === undefined ? {} : { phone: phone ?? '' }),
      })
      if (result.kind === 'invalid')
        throw new ValidationError(
          result.issues.map((i) => (i.field === 'commune' ? { ...i, field: 'communeInsee' } : i)),
        )
      return result.profile
    },
  )

  app.get(
    '/api/v1/profiles/:id',
    {
      schema: {
        operationId: 'getPublicProfile',
        tags: ['accounts'],
        summary: 'A member’s public profile',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: PublicProfile, 404: problems[404] },
      },
      config: { permission: 'public', scope: null },
    },
    async (req) => {
      const profile = await profiles.publicProfile(req.territory!, req.params.id)
      if (!profile) throw notFound()
      return profile
    },
  )

  await app.register(tokensApi, services)
}
