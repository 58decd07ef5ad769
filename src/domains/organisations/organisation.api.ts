import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type Static, type TSchema, Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { INSEE_PATTERN } from '../../platform/geo/commune.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { ValidationError } from '../../platform/validation.ts'
import type { Organisation } from './organisation.repository.ts'
import {
  aidStructureTypes,
  contactKinds,
  memberRoles,
  organisationKinds,
  organisationStatuses,
  signupNoticeChoices,
} from './organisation.schema.ts'
import { OrganisationService, PAGE_SIZE } from './organisation.service.ts'

const enumOf = <T extends string>(values: readonly T[], options: object = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options })
const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()])
const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
}

const OrganisationView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String({ examples: ['Banque alimentaire du Bessin'] }),
    kind: enumOf(organisationKinds),
    aidType: nullable(enumOf(aidStructureTypes)),
    siret: nullable(Type.String({ examples: ['55210055400013'] })),
    rna: nullable(Type.String({ examples: ['W141234567'] })),
    commune: Type.Object({
      insee: Type.String({ examples: ['14047'] }),
      name: Type.String({ examples: ['Bayeux'] }),
    }),
    description: Type.String(),
    contact: Type.Object({ kind: enumOf(contactKinds), value: Type.String() }),
    status: enumOf(organisationStatuses),
    verifiedAt: nullable(Type.String({ format: 'date-time' })),
    logo: nullable(Type.String({ description: 'address of the logo, when there is one' })),
  },
  { $id: 'Organisation', description: 'An organisation of the territory, as the caller may see it' },
)
type OrganisationView = Static<typeof OrganisationView>

const Membership = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    kind: enumOf(organisationKinds),
    status: enumOf(organisationStatuses),
    role: enumOf(memberRoles),
    signupNotices: enumOf(signupNoticeChoices),
  },
  { $id: 'OrganisationMembership' },
)

const text = (options: object) => Type.Optional(Type.String(options))
/** What a caller sends; status, territory and members are never taken from it. */
const OrganisationBody = Type.Object(
  {
    name: text({ maxLength: 10_000, examples: ['Les Restos du cœur de Bayeux'] }),
    kind: text({ enum: [...organisationKinds] }),
    aidType: text({ enum: [...aidStructureTypes], description: 'aid structures only' }),
    registration: text({ maxLength: 100, description: 'SIRET (14 digits) or RNA (W and 9 digits)' }),
    communeInsee: text({ pattern: INSEE_PATTERN, examples: ['14047'] }),
    description: text({ maxLength: 20_000 }),
    contactKind: text({ enum: [...contactKinds] }),
    contactValue: text({ maxLength: 10_000 }),
  },
  { additionalProperties: false },
)
type OrganisationBody = Static<typeof OrganisationBody>
const inputOf = (b: OrganisationBody) => ({
  name: b.name ?? '',
  kind: b.kind ?? '',
  aidType: b.aidType ?? '',
  registration: b.registration ?? '',
  description: b.description ?? '',
  contactKind: b.contactKind ?? '',
  contactValue: b.contactValue ?? '',
})
const communeIssue = <T extends { field: string }>(i: T) =>
  i.field === 'commune' ? { ...i, field: 'communeInsee' } : i

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const _memberParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  accountId: Type.String({ maxLength: 100 }),
})
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'words of the name or description' })),
  kind: Type.Optional(Type.String({ enum: [...organisationKinds] })),
  commune: Type.Optional(Type.String({ pattern: INSEE_PATTERN })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 1 })),
})

/** The JSON side of organisations: the same use cases and rules as the pages. */
export async function organisationApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const organisations = new OrganisationService(services)
  app.addSchema(OrganisationView)
  app.addSchema(Membership)

  const present = async (territory: Territory, o: Organisation): Promise<OrganisationView> => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    aidType: o.aidType,
    siret: o.siret,
    rna: o.rna,
    commune: {
      insee: o.communeInsee,
      name: (await services.communes.find(territory, o.communeInsee))?.name ?? o.communeInsee,
    },
    description: o.description,
    contact: { kind: o.contactKind, value: o.contactValue },
    status: o.status,
    verifiedAt: o.verifiedAt?.toISOString() ?? null,
    logo: o.hasLogo ? `/organisations/${o.id}/logo` : null,
  })

  app.get(
    '/api/v1/organisations',
    {
      schema: {
        operationId: 'listOrganisations',
        tags: ['organisations'],
        summary: 'Verified organisations of the territory',
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('Organisation')),
            nextPage: nullable(Type.Integer()),
          }),
          400: problems[400],
        },
      },
      config: { permission: 'public', scope: 'organisations:read' },
    },
    async (req) => {
      const page = req.query.page ?? 1
      const rows = await organisations.publicList(
        req.territory!,
        {
          ...(req.query.q ? { words: req.query.q } : {}),
          ...(req.query.kind ? { kind: req.query.kind as (typeof organisationKinds)[number] } : {}),
          ...(req.query.commune ? { communeInsee: req.query.commune } : {}),
        },
        page,
      )
      const items = await Promise.all(rows.slice(0, PAGE_SIZE).map((o) => present(req.territory!, o)))
      return { items, nextPage: rows.length > PAGE_SIZE ? page + 1 : null }
    },
  )

  app.get(
    '/api/v1/organisations/:id',
    {
      schema: {
        operationId: 'getOrganisation',
        tags: ['organisations'],
        summary: 'An organisation',
        description: 'Verified ones for anyone; the others for their members and staff only (404 otherwise).',
        params: idParams,
        response: { 200: Type.Ref('Organisation'), 404: problems[404] },
      },
      config: { permission: 'public', scope: 'organisations:read' },
    },
    async (req) =>
      present(
        req.territory!,
        (await organisations.view(req.actor, req.territory!, req.params.id)).organisation,
      ),
  )

  app.post(
    '/api/v1/organisations',
    {
      schema: {
        operationId: 'createOrganisation',
        tags: ['organisations'],
        summary: 'Create an organisation; the caller becomes its first manager',
        description: 'It starts « pending » until staff (or a partner) verify it.',
        body: OrganisationBody,
        response: { 201: Type.Ref('Organisation'), ...problems },
      },
      config: { permission: 'verified', scope: 'organisations:write' },
    },
    async (req, reply) => {
      const result = await organisations.create(req.actor, req.territory!, inputOf(req.body), {
        insee: req.body.communeInsee ?? '',
      })
      if (result.kind === 'invalid') throw new ValidationError(result.issues.map(communeIssue))
      return reply.code(201).send(await present(req.territory!, result.organisation))
    },
  )

  app.patch(
    '/api/v1/organisations/:id',
    {
      schema: {
        operationId: 'updateOrganisation',
        tags: ['organisations'],
        summary: 'Change an organisation I manage',
        description: 'Send the whole organisation; only its managers may (404 otherwise).',
        params: idParams,
        body: OrganisationBody,
        response: { 200: Type.Ref('Organisation'), ...problems },
      },
      config: { permission: 'session', scope: 'organisations:write' },
    },
    async (req) => {
      const result = await organisations.edit(req.actor, req.territory!, req.params.id, inputOf(req.body), {
        insee: req.body.communeInsee ?? '',
      })
      if (result.kind === 'invalid') throw new ValidationError(result.issues.map(communeIssue))
      return present(req.territory!, result.organisation)
    },
  )

  app.get(
    '/api/v1/me/organisations',
    {
      schema: {
        operationId: 'listMyOrganisations',
        tags: ['organisations'],
        summary: 'The organisations I belong to, with my role',
        response: {
          200: Type.Array(Type.Ref('OrganisationMembership')),
          401: problems[401],
          403: problems[403],
        },
      },
      config: { permission: 'session', scope: 'organisations:read' },
    },
    async (req) => organisations.mine(req.actor, req.territory!, 'organisations:read'),
  )
}
