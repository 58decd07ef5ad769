import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from '../../../platform/http/problem.ts'
import type { AppServices } from '../../../platform/services.ts'
import { translateIssues } from '../../../platform/validation.ts'
import { sendPage } from '../../../platform/views/render.ts'
import { startStaffSession } from '../sessions/privilege-sessions.ts'
import { type Invitation, InvitationService } from './invitation.service.ts'
import type { AcceptInput } from './invitation.ts'
import { InvitationGonePage, InvitationPage, type InvitationStep } from './views/InvitationPage.tsx'

const pub = { permission: 'public' as const, scope: null }
// Tokens travel in the query string only: request logs leave query strings out.
const TokenQuery = Type.Object({ jeton: Type.Optional(Type.String({ maxLength: 100 })) })
const AcceptBody = Type.Object({
  displayName: Type.Optional(Type.String({ maxLength: 1000 })),
  commune: Type.Optional(Type.String({ maxLength: 1000 })),
  password: Type.Optional(Type.String({ maxLength: 1000 })),
  charter: Type.Optional(Type.String({ maxLength: 10 })),
  privacy: Type.Optional(Type.String({ maxLength: 10 })),
})

function action(token: string): string {
  return `/invitation?jeton=${encodeURIComponent(token)}`
}

/** What the person at the link can do, given who (if anyone) is signed in. */
function stepFor(req: FastifyRequest, invitation: Invitation, token: string): InvitationStep {
  const { account } = invitation
  if (req.actor) return req.actor.accountId === account?.id ? { kind: 'confirm' } : { kind: 'other-account' }
  if (account?.passwordHash)
    return { kind: 'sign-in', href: `/connexion?retour=${encodeURIComponent(action(token))}` }
  const values = { displayName: '', commune: '', charter: false, privacy: false }
  return { kind: 'form', newAccount: account === null, values, choices: [] }
}

/** Accepting a staff invitation: GET shows it and changes nothing; POST accepts. */
export async function invitationPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const invitations = new InvitationService(services)

  const show = (
    req: FastifyRequest,
    reply: FastifyReply,
    invitation: Invitation,
    token: string,
    step: InvitationStep,
    errors = [] as ReturnType<typeof translateIssues>,
    status = 200,
  ) => {
    const { row, inviterName } = invitation
    const summary = { email: row.email, role: row.role, inviterName, platform: req.territory!.platformName }
    return sendPage(
      reply,
      InvitationPage({ ctx: req.viewContext(), invitation: summary, action: action(token), step, errors }),
      status,
    )
  }
  const gone = (req: FastifyRequest, reply: FastifyReply) =>
    sendPage(reply, InvitationGonePage({ ctx: req.viewContext() }), 404)

  app.get('/invitation', { schema: { querystring: TokenQuery }, config: pub }, async (req, reply) => {
    const token = req.query.jeton ?? ''
    const invitation = await invitations.find(req.territory!, token)
    if (!invitation) return gone(req, reply)
    return show(req, reply, invitation, token, stepFor(req, invitation, token))
  })

  app.post(
    '/invitation',
    { schema: { querystring: TokenQuery, body: AcceptBody }, config: pub },
    async (req, reply) => {
      const token = req.query.jeton ?? ''
      const invitation = await invitations.find(req.territory!, token)
      if (!invitation) return gone(req, reply)
      const body = req.body
      const input: AcceptInput = {
        displayName: body.displayName ?? '',
        commune: body.commune ?? '',
        password: body.password ?? '',
        charter: body.charter === 'oui',
        privacy: body.privacy === 'oui',
      }
      let result: Awaited<ReturnType<InvitationService['accept']>>
      try {
        result = await invitations.accept(req.actor, req.territory!, token, input, req.locale)
      } catch (error) {
        if (error instanceof HttpError && error.statusCode === 404) return gone(req, reply)
        if (error instanceof HttpError && error.detail === 'invitation-other-account')
          return show(req, reply, invitation, token, { kind: 'other-account' }, [], 403)
        throw error
      }
      if (result.kind === 'sign-in-first')
        return reply.redirect(`/connexion?retour=${encodeURIComponent(action(token))}`, 303)
      if (result.kind === 'invalid') {
        const values = {
          displayName: input.displayName,
          commune: input.commune,
          charter: input.charter,
          privacy: input.privacy,
        }
        const step: InvitationStep = {
          kind: 'form',
          newAccount: invitation.account === null,
          values,
          choices: result.choices,
        }
        return show(req, reply, invitation, token, step, translateIssues(result.issues, req.t), 400)
      }
      await startStaffSession(req, reply, services, result.accountId)
      const next = result.hasTotp ? '/connexion/second-facteur' : '/compte/securite'
      return reply.redirect(`${next}?retour=${encodeURIComponent('/administration')}`, 303)
    },
  )
}
