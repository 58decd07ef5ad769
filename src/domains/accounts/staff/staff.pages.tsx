import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { permissionsOf } from '../../../platform/auth/actor.ts'
import type { AppServices } from '../../../platform/services.ts'
import { translateIssues, ValidationError } from '../../../platform/validation.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../../platform/views/render.ts'
import type { AccountStatus } from '../identity/account.schema.ts'
import { invitationPages } from './invitation.pages.tsx'
import { StaffService } from './staff.service.ts'
import { teamPages } from './team.pages.tsx'
import { AccountPage } from './views/AccountPage.tsx'
import { AccountsPage } from './views/AccountsPage.tsx'
import { StaffHomePage } from './views/StaffHomePage.tsx'

const manage = { permission: 'account:manage' as const, scope: null }
const AccountParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const STATUS_ROUTES: [string, AccountStatus][] = [
  ['suspendre', 'suspended'],
  ['reactiver', 'active'],
]

/** The administration area: its home and the territory's accounts; the team, journal and invitations beside. */
export async function staffPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const staff = new StaffService(services)

  app.get('/administration', { config: { permission: 'staff:area', scope: null } }, async (req, reply) =>
    sendPage(
      reply,
      StaffHomePage({
        ctx: req.viewContext(),
        roles: req.actor?.roles ?? [],
        permissions: permissionsOf(req.actor),
      }),
    ),
  )

  app.get(
    '/administration/comptes',
    {
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
        }),
      },
      config: manage,
    },
    async (req, reply) => {
      const { q, page } = req.query
      const list = await staff.listAccounts(req.actor, req.territory!, { query: q, page })
      return sendPage(reply, AccountsPage({ ctx: req.viewContext(), ...list }))
    },
  )

  const showAccount = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FieldError[] = [],
  ) => {
    const account = await staff.account(req.actor, req.territory!, id)
    const page = AccountPage({
      ctx: req.viewContext(),
      account,
      home: account.territoryId === req.territory!.id,
      self: account.id === req.actor?.accountId,
      errors,
    })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  }

  app.get(
    '/administration/comptes/:id',
    { schema: { params: AccountParams }, config: manage },
    (req, reply) => showAccount(req, reply, req.params.id),
  )

  for (const [path, status] of STATUS_ROUTES) {
    app.post(
      `/administration/comptes/:id/${path}`,
      { schema: { params: AccountParams }, config: manage },
      async (req, reply) => {
        try {
          await staff.setStatus(req.actor, req.territory!, req.params.id, status)
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error
          return showAccount(req, reply, req.params.id, translateIssues(error.issues, req.t))
        }
        return reply.redirect(`/administration/comptes/${req.params.id}`, 303)
      },
    )
  }

  app.post(
    '/administration/comptes/:id/second-facteur',
    { schema: { params: AccountParams }, config: manage },
    async (req, reply) => {
      try {
        await staff.resetSecondFactor(req.actor, req.territory!, req.params.id)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return showAccount(req, reply, req.params.id, translateIssues(error.issues, req.t))
      }
      return reply.redirect(`/administration/comptes/${req.params.id}`, 303)
    },
  )

  await teamPages(app, services, staff)
  await invitationPages(app, services)
}
