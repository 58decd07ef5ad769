import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'

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
  },
  { $id: 'Territory', description: 'The platform that answers at this host name' },
)

/** What an app needs to present the platform of the host it talks to; public information only. */
export async function territoryApi(base: FastifyInstance, _services: AppServices) {
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
      }
    },
  )
}
