import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { EmailTokens } from './email-tokens.ts'
import { formBody, requestInfo, sendSessionCookie } from './identity.http.ts'
import { SignUpService } from './signup.service.ts'
import { VERIFY_PATH, VerificationService } from './verification.service.ts'
import { emptySignUp, SignUpPage } from './views/SignUpPage.tsx'

const SignUpForm = formBody('displayName', 'email', 'password', 'commune', 'phone', 'charter', 'privacy')

/** GET and POST /inscription: a resident account on the platform of the request's host. */
export async function signUpPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const verification = new VerificationService(
    services,
    new EmailTokens(services.database, services.clock, services.ids),
  )
  const signUp = new SignUpService(services, verification)

  app.get(
    '/inscription',
    {
      // ?commune= comes from links that already know the commune (a coverage check, a choice).
      schema: { querystring: Type.Object({ commune: Type.Optional(Type.String({ maxLength: 200 })) }) },
      config: { permission: 'public', scope: null },
    },
    async (req, reply) => {
      if (req.actor) return reply.redirect('/compte', 303)
      const values = { ...emptySignUp, commune: req.query.commune?.trim() ?? '' }
      return sendPage(
        reply,
        SignUpPage({ ctx: req.viewContext(), territory: req.territory!, values, errors: [], choices: [] }),
      )
    },
  )

  app.post(
    '/inscription',
    { schema: { body: SignUpForm }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      if (req.actor) return reply.redirect('/compte', 303)
      const territory = req.territory!
      const body = req.body
      const input = {
        displayName: body.displayName ?? '',
        email: body.email ?? '',
        password: body.password ?? '',
        commune: body.commune ?? '',
        phone: body.phone ?? '',
        charter: body.charter !== undefined,
        privacy: body.privacy !== undefined,
      }
      const result = await signUp.signUp(req.actor, territory, input, requestInfo(req, services))
      if (result.kind === 'created') {
        sendSessionCookie(reply, services, result.session)
        return reply.redirect(VERIFY_PATH, 303)
      }
      const { password: _never, ...values } = input
      return sendPage(
        reply,
        SignUpPage({
          ctx: req.viewContext(),
          territory,
          values,
          errors: translateIssues(result.issues, req.t),
          choices: result.choices,
        }),
        400,
      )
    },
  )
}
