import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { ping } from '../db/client.ts'
import type { AppServices } from '../services.ts'
import { RETRY_AFTER_SECONDS } from './errors.ts'

const Health = Type.Object({ status: Type.String({ examples: ['ok'] }) })
const Unavailable = Type.Ref('Problem')
const Ready = Type.Object({
  status: Type.String(),
  database: Type.String({ examples: ['pglite', 'postgres'] }),
})

/** /healthz says the process answers (for restarts); /readyz says it can serve (for load balancers). */
export async function healthRoutes(app: FastifyInstance, services: AppServices) {
  const common = { permission: 'public' as const, scope: null, territory: false }
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getLiveness',
        tags: ['operations'],
        summary: 'Liveness',
        response: { 200: Health },
      },
      config: common,
      logLevel: 'warn',
    },
    async () => ({ status: 'ok' }),
  )
  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['operations'],
        summary: 'Readiness: one database round trip',
        response: { 200: Ready, 503: Unavailable },
      },
      config: common,
      logLevel: 'warn',
    },
    async (_req, reply) => {
      try {
        await ping(services.database)
        return { status: 'ok', database: services.database.kind }
      } catch {
        // Load balancers and probes wait as long as the visitors' 503 pages ask them to.
        return reply
          .code(503)
          .header('Retry-After', String(RETRY_AFTER_SECONDS))
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'Database unavailable', status: 503 })
      }
    },
  )
}
