import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config.ts'
import type { RouteAccess } from '../auth/policy.ts'
import { problemAnswer, problemStatuses, securityOf, securitySchemes } from './openapi-contract.ts'
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
        // Each territory answers at its own host name; this is the one this install was given.
        servers: [{ url: opts.config.publicUrl ?? `http://localhost:${opts.config.port}` }],
        components: { securitySchemes },
        tags: [
          { name: 'territories', description: 'La plateforme du territoire' },
          { name: 'communes', description: 'Communes du territoire' },
          { name: 'accounts', description: 'Comptes : profil, profils publics, jetons d’accès' },
          { name: 'categories', description: 'Catégories de demandes et d’offres' },
          { name: 'listings', description: 'Demandes et offres : publier, chercher, alertes' },
          { name: 'matches', description: 'Mises en relation et conversations' },
          { name: 'notifications', description: 'Notifications de la personne' },
          { name: 'reports', description: 'Signalements' },
          { name: 'missions', description: 'Missions des organisations, créneaux et inscriptions' },
          {
            name: 'dispatch',
            description: 'Demandes sans réponse, suggestions et propositions aux bénévoles',
          },
          { name: 'operations', description: 'Santé du service' },
        ],
      },
      hideUntagged: true,
      // Shared schemas keep their $id as their name in components.schemas (Problem, not def-0).
      refResolver: {
        buildLocalReference: (json, _base, _fragment, i) => (json.$id as string | undefined) ?? `def-${i}`,
      },
      // Who may call each operation and what it can refuse come from the route's declared access.
      transform: ({ schema, url, route }) => {
        const config = (route.config ?? {}) as Partial<RouteAccess> & { territory?: boolean }
        if (!schema || schema.hide || config.permission === undefined || config.scope === undefined)
          return { schema, url }
        const access = { permission: config.permission, scope: config.scope }
        const response: Record<string, unknown> = { ...(schema.response as object | undefined) }
        for (const status of problemStatuses(schema, access, config.territory !== false))
          response[status] = problemAnswer(status)
        if (response[503]) response[503] = problemAnswer(503)
        return { schema: { ...schema, security: securityOf(access), response }, url }
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
