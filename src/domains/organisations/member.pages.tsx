import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { linkBase } from '../../platform/http/links.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues, ValidationError } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { InvitationService } from './invitation.service.ts'
import { type MemberChange, MemberService } from './member.service.ts'
import { InvitationGonePage, InvitationPage, type InvitationStep } from './views/InvitationPage.tsx'
import { MembersPage } from './views/MembersPage.tsx'

const session = { permission: 'session' as const, scope: null }
const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const memberParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  accountId: Type.String({ maxLength: 100 }),
})
const invitationParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  invitationId: Type.String({ maxLength: 100 }),
})
const TokenQuery = Type.Object({ jeton: Type.Optional(Type.String({ maxLength: 100 })) })
const InviteBody = Type.Object({
  email: Type.Optional(Type.String({ maxLength: 10_000 })),
  role: Type.Optional(Type.String({ maxLength: 100 })),
})
const notices = {
  invitee: 'organisation.notice.invited',
  annulee: 'organisation.notice.invitationRevoked',
  role: 'organisation.notice.roleChanged',
  retire: 'organisation.notice.removed',
} as const satisfies Record<string, MessageKey>
const doneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })

/** The members page, invitations, roles, leaving; and joining from an invitation's link. */
export async function memberPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const members = new MemberService(services)
  const invitations = new InvitationService(services)

  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: {
      values?: { email: string; role: string }
      errors?: FieldError[]
      problem?: string
      status?: number
    } = {},
  ) => {
    const view = await members.members(req.actor, req.territory!, id)
    const key = (req.query as { fait?: string } | undefined)?.fait
    const notice =
      key && Object.hasOwn(notices, key) ? req.t(notices[key as keyof typeof notices]) : undefined
    return sendPage(
      reply,
      MembersPage({
        ctx: req.viewContext(),
        ...view,
        values: extra.values ?? { email: '', role: 'member' },
        errors: extra.errors ?? [],
        notice,
        problem: extra.problem,
      }),
      extra.status ?? 200,
    )
  }
  const after = (req: FastifyRequest, reply: FastifyReply, id: string, result: MemberChange, done: string) =>
    result.kind === 'last-manager'
      ? page(req, reply, id, { problem: req.t('organisation.members.lastManager'), status: 409 })
      : reply.redirect(`/organisations/${id}/membres?fait=${done}`, 303)

  app.get(
    '/organisations/:id/membres',
    { schema: { params: idParams, querystring: doneQuery }, config: session },
    async (req, reply) => page(req, reply, req.params.id),
  )

  app.post(
    '/organisations/:id/membres/inviter',
    { schema: { params: idParams, body: InviteBody }, config: session },
    async (req, reply) => {
      const values = { email: req.body.email ?? '', role: req.body.role ?? '' }
      try {
        await invitations.invite(
          req.actor,
          req.territory!,
          req.params.id,
          values,
          linkBase(req, services.config),
        )
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return page(req, reply, req.params.id, {
          values,
          errors: translateIssues(error.issues, req.t),
          status: 400,
        })
      }
      return reply.redirect(`/organisations/${req.params.id}/membres?fait=invitee`, 303)
    },
  )

  app.post(
    '/organisations/:id/membres/invitations/:invitationId/annuler',
    { schema: { params: invitationParams }, config: session },
    async (req, reply) => {
      await invitations.revokeInvitation(req.actor, req.territory!, req.params.id, req.params.invitationId)
      return reply.redirect(`/organisations/${req.params.id}/membres?fait=annulee`, 303)
    },
  )

  app.post(
    '/organisations/:id/membres/:accountId/role',
    {
      schema: {
        params: memberParams,
        querystring: Type.Object({ role: Type.Optional(Type.String({ maxLength: 100 })) }),
      },
      config: session,
    },
    async (req, reply) => {
      const { id, accountId } = req.params
      const result = await members.changeRole(req.actor, req.territory!, id, accountId, req.query.role ?? '')
      return after(req, reply, id, result, 'role')
    },
  )

  app.post(
    '/organisations/:id/membres/:accountId/retirer',
    { schema: { params: memberParams }, config: session },
    async (req, reply) => {
      const { id, accountId } = req.params
      return after(req, reply, id, await members.remove(req.actor, req.territory!, id, accountId), 'retire')
    },
  )

  app.post(
    '/organisations/:id/membres/quitter',
    { schema: { params: idParams }, config: session },
    async (req, reply) => {
      const result = await members.leave(req.actor, req.territory!, req.params.id)
      if (result.kind === 'last-manager') return after(req, reply, req.params.id, result, '')
      return reply.redirect('/mes-organisations', 303)
    },
  )

  const action = (token: string) => `/organisations/invitation?jeton=${encodeURIComponent(token)}`
  const gone = (req: FastifyRequest, reply: FastifyReply) =>
    sendPage(reply, InvitationGonePage({ ctx: req.viewContext() }), 404)
  const stepFor = (req: FastifyRequest, email: string, token: string): InvitationStep => {
    if (!req.actor) {
      const back = encodeURIComponent(action(token))
      return { kind: 'sign-in', signIn: `/connexion?retour=${back}`, signUp: `/inscription?retour=${back}` }
    }
    return req.actor.email.trim().toLowerCase() === email.trim().toLowerCase()
      ? { kind: 'confirm' }
      : { kind: 'other-account' }
  }

  app.get(
    '/organisations/invitation',
    { schema: { querystring: TokenQuery }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const token = req.query.jeton ?? ''
      const found = await invitations.findInvitation(req.territory!, token)
      if (!found) return gone(req, reply)
      const { invitation, organisationName } = found
      // The address carries the token: no cache may keep this page.
      reply.header('cache-control', 'private, no-store')
      return sendPage(
        reply,
        InvitationPage({
          ctx: req.viewContext(),
          organisation: organisationName,
          role: invitation.role,
          action: action(token),
          step: stepFor(req, invitation.email, token),
        }),
      )
    },
  )

  app.post(
    '/organisations/invitation',
    { schema: { querystring: TokenQuery }, config: session },
    async (req, reply) => {
      const token = req.query.jeton ?? ''
      try {
        const { organisationId } = await invitations.accept(req.actor, req.territory!, token)
        return reply.redirect(`/organisations/${organisationId}?fait=rejointe`, 303)
      } catch (error) {
        if (error instanceof HttpError && error.statusCode === 404) return gone(req, reply)
        throw error
      }
    },
  )
}
