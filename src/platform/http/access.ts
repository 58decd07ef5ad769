import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { decide } from '../auth/policy.ts'
import { HttpError } from './problem.ts'

/**
 * Enforces the `{ permission, scope }` every route declares, before its handler runs and after
 * the authentication hook found the actor. A person at a browser asking for a page is sent to
 * sign in or to give the second factor, and comes back to the page afterwards; anyone else gets
 * the refusal as a problem (401 or 403) whose detail says why.
 */
export const access = fp(
  async (app: FastifyInstance) => {
    app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
      const { permission, scope } = req.routeOptions.config ?? {}
      // Fastify's own 404 route declares nothing: what it answers is decided elsewhere.
      if (!permission || scope === undefined) return
      const verdict = decide(req.actor, { permission, scope })
      if (verdict.allowed) return
      const page = !req.url.startsWith('/api/') && req.method === 'GET'
      if (page && verdict.reason === 'authentication-required')
        return reply.redirect(`/connexion?retour=${encodeURIComponent(req.url)}`, 303)
      if (page && verdict.reason === 'second-factor-required') {
        const next = req.actor?.hasTotp ? '/connexion/second-facteur' : '/compte/securite'
        return reply.redirect(`${next}?retour=${encodeURIComponent(req.url)}`, 303)
      }
      throw new HttpError(verdict.status, verdict.reason)
    })
  },
  { name: 'access', dependencies: ['authentication'] },
)
