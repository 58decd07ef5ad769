import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { CategoryService } from './category.service.ts'
import { iconNames } from './icons.tsx'

const CategoryView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    slug: Type.String({ examples: ['groceries-medicines'] }),
    name: Type.String({ examples: ['Courses de première nécessité et médicaments'] }),
    description: Type.String({
      examples: [
        'Faire les courses ou aller chercher des médicaments pour une personne qui ne peut pas sortir.',
      ],
    }),
    guidance: Type.String({
      description: 'Safety guidance to show on every listing of the category',
      examples: ['Ne donnez jamais d’argent ni vos coordonnées bancaires : l’aide est toujours gratuite.'],
    }),
    icon: Type.String({ examples: ['basket'], description: `One of: ${iconNames.join(', ')}` }),
    crisis: Type.Boolean({ description: 'A crisis category, highlighted in crisis mode' }),
    needsVerifiedVolunteer: Type.Boolean({ description: 'Only volunteers verified by staff may respond' }),
  },
  { description: 'A category of asks and offers, in the reader’s language' },
)

/** The active categories of the host's territory, in its order: what a client offers when posting. */
export async function categoryApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const categories = new CategoryService(services)
  app.get(
    '/api/v1/categories',
    {
      schema: {
        operationId: 'listCategories',
        tags: ['categories'],
        summary: 'Active categories of this platform',
        response: { 200: Type.Array(CategoryView), 404: Type.Ref('Problem') },
      },
      config: { permission: 'public', scope: null },
    },
    async (req) => {
      const list = await categories.list(req.territory!, { activeOnly: true })
      return list.map((c) => ({
        id: c.id,
        slug: c.slug,
        name: localised(c.name, req.locale),
        description: localised(c.description, req.locale),
        guidance: localised(c.guidance, req.locale),
        icon: c.icon,
        crisis: c.crisis,
        needsVerifiedVolunteer: c.needsVerifiedVolunteer,
      }))
    },
  )
}
