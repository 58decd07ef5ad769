import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { linkBase } from '../../../platform/http/links.ts'
import type { AppServices } from '../../../platform/services.ts'
import { translateIssues, ValidationError } from '../../../platform/validation.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../../platform/views/render.ts'
import { InvitationService } from './invitation.service.ts'
import type { StaffService } from './staff.service.ts'
import { JournalPage } from './views/JournalPage.tsx'
import { TeamPage } from './views/TeamPage.tsx'

const team = { permission: 'staff:manage' as const, scope: null }
const DONE = { invitation: 'sent', retrait: 'revoked' } as const

/** The territory's staff: who holds which role, inviting someone, withdrawing a role; and the audit log. */
export async function teamPages(base: FastifyInstance, services: AppServices, staff: StaffService) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const invitations = new InvitationService(services)

  const showTeam = async (
    req: FastifyRequest,
    reply: FastifyReply,
    options: {
      errors?: FieldError[]
      values?: { email: string; role: string }
      done?: 'sent' | 'revoked'
    } = {},
  ) => {
    const { members, invitations: pending } = await staff.team(req.actor, req.territory!)
    const errors = options.errors ?? []
    const page = TeamPage({
      ctx: req.viewContext(),
      members,
      invitations: pending,
      errors,
      values: options.values ?? { email: '', role: '' },
      done: options.done,
    })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  }

  app.get(
    '/administration/equipe',
    {
      schema: { querystring: Type.Object({ fait: Type.Optional(Type.String({ maxLength: 20 })) }) },
      config: team,
    },
    (req, reply) => {
      const done =
        req.query.fait === 'invitation' || req.query.fait === 'retrait' ? DONE[req.query.fait] : undefined
      return showTeam(req, reply, { done })
    },
  )

  app.post(
    '/administration/equipe/inviter',
    {
      schema: {
        body: Type.Object({
          email: Type.String({ maxLength: 1000 }),
          role: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
      config: team,
    },
    async (req, reply) => {
      const values = { email: req.body.email, role: req.body.role ?? '' }
      try {
        await invitations.invite(req.actor, req.territory!, values, linkBase(req, services.config))
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return showTeam(req, reply, { errors: translateIssues(error.issues, req.t), values })
      }
      return reply.redirect('/administration/equipe?fait=invitation', 303)
    },
  )

  app.post(
    '/administration/equipe/retirer',
    {
      schema: {
        body: Type.Object({ compte: Type.String({ maxLength: 100 }), role: Type.String({ maxLength: 40 }) }),
      },
      config: team,
    },
    async (req, reply) => {
      try {
        await staff.revokeRole(req.actor, req.territory!, req.body.compte, req.body.role)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return showTeam(req, reply, { errors: translateIssues(error.issues, req.t) })
      }
      // Withdrawing one's own role ended one's own session: the next page asks to sign in again.
      return reply.redirect('/administration/equipe?fait=retrait', 303)
    },
  )

  app.get(
    '/administration/journal',
    {
      schema: { querystring: Type.Object({ avant: Type.Optional(Type.String({ maxLength: 100 })) }) },
      config: { permission: 'audit:read', scope: null },
    },
    async (req, reply) => {
      const journal = await staff.journal(req.actor, req.territory!, req.query.avant)
      return sendPage(reply, JournalPage({ ctx: req.viewContext(), ...journal }))
    },
  )
}
