import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { withoutControlCharacters } from '../../../platform/http/control-characters.ts'
import { localPathOr } from '../../../platform/http/local-path.ts'
import type { AppServices } from '../../../platform/services.ts'
import { translateIssues } from '../../../platform/validation.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../../platform/views/render.ts'
import { EmailTokens } from './email-tokens.ts'
import { formBody, requestInfo } from './identity.http.ts'
import { SignUpService } from './signup.service.ts'
import { rememberSignUp } from './signup-pending.ts'
import { VERIFY_PATH, VerificationService } from './verification.service.ts'
import { emptySignUp, SignUpPage } from './views/SignUpPage.tsx'

const SignUpForm = formBody(
  'displayName',
  'email',
  'password',
  'commune',
  'phone',
  'charter',
  'privacy',
  'retour',
)

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
      // ?retour= comes from the sign-in page: the page to reach once the address is confirmed.
      schema: {
        querystring: Type.Object({
          commune: Type.Optional(Type.String({ maxLength: 200 })),
          retour: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
      },
      config: { permission: 'public', scope: null },
    },
    async (req, reply) => {
      if (req.actor) return reply.redirect('/compte', 303)
      const values = { ...emptySignUp, commune: req.query.commune?.trim() ?? '' }
      const retour = localPathOr(req.query.retour)
      return sendPage(
        reply,
        SignUpPage({
          ctx: req.viewContext(),
          territory: req.territory!,
          values,
          errors: [],
          choices: [],
          retour,
        }),
      )
    },
  )

  // Refused before the handler (control characters): the form again, the values without them.
  const refill = (req: FastifyRequest, reply: FastifyReply, errors: FieldError[]) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const text = (key: string) => (typeof body[key] === 'string' ? withoutControlCharacters(body[key]) : '')
    const values = {
      displayName: text('displayName'),
      email: text('email'),
      commune: text('commune'),
      phone: text('phone'),
      charter: body.charter !== undefined,
      privacy: body.privacy !== undefined,
    }
    const page = SignUpPage({
      ctx: req.viewContext(),
      territory: req.territory!,
      values,
      errors,
      choices: [],
      retour: localPathOr(body.retour),
    })
    return sendPage(reply, page, 400)
  }

  app.post(
    '/inscription',
    { schema: { body: SignUpForm }, config: { permission: 'public', scope: null, refill } },
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
      const retour = localPathOr(body.retour)
      const result = await signUp.signUp(req.actor, territory, input, requestInfo(req, services), retour)
      // A new address and one that has an account get the same answer, without a session
      // (the mail says the rest, to the owner of the mailbox only).
      if (result.kind === 'sent') {
        rememberSignUp(reply, services, input.email.trim())
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
          retour,
        }),
        400,
      )
    },
  )
}
