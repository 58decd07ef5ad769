import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../platform/services.ts'
import { translateIssues, ValidationError } from '../../../platform/validation.ts'
import { sendPage } from '../../../platform/views/render.ts'
import { TokenService } from './tokens.service.ts'
import { TokenCreatedPage } from './views/TokenCreatedPage.tsx'
import { TokensPage } from './views/TokensPage.tsx'

const session = { permission: 'session' as const, scope: null }

const TokenForm = Type.Object({
  name: Type.Optional(Type.String()),
  scopes: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
})
type TokenForm = Static<typeof TokenForm>

/** « Jetons d'accès »: create a token for an app, see it once, list and revoke. */
export async function tokenPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const tokens = new TokenService(services)

  app.get(
    '/compte/jetons',
    { schema: { querystring: Type.Object({ revoque: Type.Optional(Type.String()) }) }, config: session },
    async (req, reply) => {
      const list = await tokens.list(req.actor, req.territory!)
      return sendPage(
        reply,
        TokensPage({
          ctx: req.viewContext(),
          tokens: list,
          values: { name: '', scopes: [] },
          errors: [],
          revoked: req.query.revoque !== undefined,
        }),
      )
    },
  )

  app.post('/compte/jetons', { schema: { body: TokenForm }, config: session }, async (req, reply) => {
    const input = { name: req.body.name ?? '', scopes: req.body.scopes ?? [] }
    try {
      const { token, view } = await tokens.create(req.actor, req.territory!, input)
      // Shown on the answer to the POST itself, never behind a redirect: no copy of it is kept anywhere.
      return sendPage(reply, TokenCreatedPage({ ctx: req.viewContext(), token, view }))
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const list = await tokens.list(req.actor, req.territory!)
      const errors = translateIssues(error.issues, req.t)
      return sendPage(
        reply,
        TokensPage({
          ctx: req.viewContext(),
          tokens: list,
          values: formValues(req.body),
          errors,
          revoked: false,
        }),
        400,
      )
    }
  })

  app.post(
    '/compte/jetons/:id/revoquer',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }) }) }, config: session },
    async (req, reply) => {
      await tokens.revoke(req.actor, req.territory!, req.params.id)
      return reply.redirect('/compte/jetons?revoque=1', 303)
    },
  )
}

function formValues(form: TokenForm) {
  return { name: form.name ?? '', scopes: form.scopes ?? [] }
}
