import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config.ts'
import { Problem } from './problem.ts'

/** The route schemas are the API contract: the OpenAPI document is generated from them, never written by hand. */
export const openApi = fp(
  async (app: FastifyInstance, opts: { config: Config }) => {
    app.addSchema(Problem)
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Entraide API',
          version: '1',
          description:
            "API de la plateforme d'entraide. Les erreurs suivent le format RFC 9457 (application/problem+json).",
          license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
        },
        tags: [
          { name: 'territories', description: 'La plateforme du territoire' },
          { name: 'communes', description: 'Communes du territoire' },
          { name: 'accounts', description: 'Comptes : profil, profils publics, jetons d’accès' },
          { name: 'operations', description: 'Santé du service' },
        ],
      },
      hideUntagged: true,
      // Shared schemas keep their $id as their name in components.schemas (Problem, not def-0).
      refResolver: {
        buildLocalReference: (json, _base, _fragment, i) => (json.$id as string | undefined) ?? `def-${i}`,
      },
    })
    app.get(
      '/api/openapi.json',
      { schema: { hide: true }, config: { permission: 'public', scope: null, territory: false } },
      async () => app.swagger(),
    )
    if (opts.config.apiDocs) {
      await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false })
    }
  },
  { name: 'openapi' },
)
