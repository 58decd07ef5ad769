import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../platform/services.ts'
import { sendPage } from '../../../platform/views/render.ts'
import { clearSessionCookie } from './auth.plugin.ts'
import { OwnSessions } from './own-sessions.service.ts'
import { SessionsPage } from './views/SessionsPage.tsx'

const session = { permission: 'session' as const, scope: null }

/** « Mes sessions »: where my account is open, and a way to close it there. */
export async function ownSessionPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const sessions = new OwnSessions(services)
  const https = services.config.publicUrl?.startsWith('https://') ?? false

  app.get(
    '/compte/sessions',
    { schema: { querystring: Type.Object({ fait: Type.Optional(Type.String()) }) }, config: session },
    async (req, reply) => {
      const list = await sessions.list(req.actor)
      const done = req.query.fait === 'une' ? 'one' : req.query.fait === 'autres' ? 'others' : null
      return sendPage(reply, SessionsPage({ ctx: req.viewContext(), sessions: list, done }))
    },
  )

  app.post(
    '/compte/sessions/:ref/deconnecter',
    { schema: { params: Type.Object({ ref: Type.String({ maxLength: 64 }) }) }, config: session },
    async (req, reply) => {
      const { current } = await sessions.end(req.actor, req.territory!, req.params.ref)
      if (current) {
        clearSessionCookie(reply, https)
        return reply.redirect('/connexion', 303)
      }
      return reply.redirect('/compte/sessions?fait=une', 303)
    },
  )

  app.post('/compte/sessions/deconnecter-les-autres', { config: session }, async (req, reply) => {
    await sessions.endOthers(req.actor, req.territory!)
    return reply.redirect('/compte/sessions?fait=autres', 303)
  })
}
