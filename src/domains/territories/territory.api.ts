import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { cachedHelpPoints } from './help-point.repository.ts'
import { helpPointKinds } from './help-point.schema.ts'

const TerritoryView = Type.Object(
  {
    slug: Type.String({ examples: ['calvados'] }),
    platformName: Type.String({ examples: ['Entraide Calvados'] }),
    officialName: Type.String({ examples: ['Département du Calvados'] }),
    departements: Type.Array(Type.String(), { examples: [['14']] }),
    presentation: Type.String(),
    primaryColor: Type.String({ examples: ['#1f4e8c'] }),
    logoUrl: Type.Union([Type.String(), Type.Null()]),
    contactEmail: Type.String({ examples: ['entraide@calvados.fr'] }),
    crisisMode: Type.Boolean(),
    helplinePhone: Type.Union([Type.String({ examples: ['+33261910000'] }), Type.Null()], {
      description: 'The territory’s phone line for people without internet, in E.164',
    }),
    helplineHours: Type.Union(
      [Type.String({ examples: ['du lundi au vendredi, de 9 h à 17 h'] }), Type.Null()],
      {
        description: 'When the line answers, in the reader’s language',
      },
    ),
  },
  { $id: 'Territory', description: 'The platform that answers at this host name' },
)

const HelpPointView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.Union(
      helpPointKinds.map((k) => Type.Literal(k)),
      { description: 'ccas, france-services, mairie, association or other' },
    ),
    name: Type.String({ examples: ['CCAS de Bayeux'] }),
    address: Type.String({ examples: ['19 rue Larcher'] }),
    commune: Type.Object({
      insee: Type.String({ examples: ['14047'] }),
      name: Type.String({ examples: ['Bayeux'] }),
    }),
    hours: Type.String({ examples: ['du lundi au vendredi, de 9 h à 12 h'] }),
    phone: Type.Union([Type.String({ examples: ['+33261910010'] }), Type.Null()], { description: 'E.164' }),
  },
  { description: 'A public place where someone without internet gets help: no personal data' },
)

/** What an app needs to present the platform of the host it talks to, and its help points; public information only. */
export async function territoryApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  app.get(
    '/api/v1/territory',
    {
      schema: {
        operationId: 'getTerritory',
        tags: ['territories'],
        summary: 'The platform of this host',
        response: { 200: TerritoryView, 404: Type.Ref('Problem') },
      },
      config: { permission: 'public', scope: null },
    },
    async (req) => {
      const t = req.territory!
      return {
        slug: t.slug,
        platformName: t.platformName,
        officialName: t.officialName,
        departements: t.departements,
        presentation: localised(t.presentation, req.locale),
        primaryColor: t.primaryColor,
        logoUrl: t.logoUrl,
        contactEmail: t.contactEmail,
        crisisMode: t.crisisMode,
        helplinePhone: t.helplinePhone,
        helplineHours: t.helplinePhone && t.helplineHours ? localised(t.helplineHours, req.locale) : null,
      }
    },
  )

  app.get(
    '/api/v1/territory/help-points',
    {
      schema: {
        operationId: 'listHelpPoints',
        tags: ['territories'],
        summary: 'Help points of this platform, in its order',
        response: { 200: Type.Array(HelpPointView), 404: Type.Ref('Problem') },
      },
      config: { permission: 'public', scope: null },
    },
    async (req) => {
      const points = await cachedHelpPoints(services.database.db, req.territory!.id, services.clock.now())
      return Promise.all(
        points.map(async (p) => ({
          id: p.id,
          kind: p.kind,
          name: p.name,
          address: p.address,
          commune: {
            insee: p.communeInsee,
            name: (await services.communes.findAnywhere(p.communeInsee))?.name ?? p.communeInsee,
          },
          hours: p.hours,
          phone: p.phone,
        })),
      )
    },
  )
}
