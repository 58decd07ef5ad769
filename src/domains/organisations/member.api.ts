import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { linkBase } from '../../platform/http/links.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import { InvitationService } from './invitation.service.ts'
import { MemberService } from './member.service.ts'
import { memberRoles } from './organisation.schema.ts'

const enumOf = <T extends string>(values: readonly T[], options: object = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options })
const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
}
const Member = Type.Object(
  { accountId: Type.String({ format: 'uuid' }), displayName: Type.String(), role: enumOf(memberRoles) },
  { $id: 'OrganisationMember' },
)
const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const memberParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  accountId: Type.String({ maxLength: 100 }),
})

/** The members of an organisation through the API: the same rules as the members page. */
export async function memberApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const members = new MemberService(services)
  const invitations = new InvitationService(services)
  app.addSchema(Member)

  app.get(
    '/api/v1/organisations/:id/members',
    {
      schema: {
        operationId: 'listOrganisationMembers',
        tags: ['organisations'],
        summary: 'The members of an organisation I belong to',
        params: idParams,
        response: {
          200: Type.Array(Type.Ref('OrganisationMember')),
          401: problems[401],
          403: problems[403],
          404: problems[404],
        },
      },
      config: { permission: 'session', scope: 'organisations:read' },
    },
    async (req) => {
      const view = await members.members(req.actor, req.territory!, req.params.id, 'organisations:read')
      return view.members.map((m) => ({ accountId: m.accountId, displayName: m.displayName, role: m.role }))
    },
  )

  app.post(
    '/api/v1/organisations/:id/members',
    {
      schema: {
        operationId: 'inviteOrganisationMember',
        tags: ['organisations'],
        summary: 'Invite someone by email (managers only)',
        description: 'The person receives a link valid 14 days; they join once they accept it.',
        params: idParams,
        body: Type.Object(
          { email: Type.String({ maxLength: 1000 }), role: Type.String({ enum: [...memberRoles] }) },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ status: Type.Literal('invited') }), ...problems },
      },
      config: { permission: 'session', scope: 'organisations:write' },
    },
    async (req, reply) => {
      await invitations.invite(
        req.actor,
        req.territory!,
        req.params.id,
        req.body,
        linkBase(req, services.config),
      )
      return reply.code(202).send({ status: 'invited' as const })
    },
  )

  app.patch(
    '/api/v1/organisations/:id/members/:accountId',
    {
      schema: {
        operationId: 'changeOrganisationMemberRole',
        tags: ['organisations'],
        summary: 'Change a member’s role (managers only)',
        description: 'The last manager cannot be demoted (409).',
        params: memberParams,
        body: Type.Object({ role: Type.String({ enum: [...memberRoles] }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problems },
      },
      config: { permission: 'session', scope: 'organisations:write' },
    },
    async (req, reply) => {
      const result = await members.changeRole(
        req.actor,
        req.territory!,
        req.params.id,
        req.params.accountId,
        req.body.role,
      )
      if (result.kind === 'last-manager') throw new HttpError(409, req.t('organisation.members.lastManager'))
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/api/v1/organisations/:id/members/:accountId',
    {
      schema: {
        operationId: 'removeOrganisationMember',
        tags: ['organisations'],
        summary: 'Remove a member (managers), or leave (my own account id)',
        description: 'An organisation always keeps one manager (409).',
        params: memberParams,
        response: { 204: Type.Null(), ...problems },
      },
      config: { permission: 'session', scope: 'organisations:write' },
    },
    async (req, reply) => {
      const result = await members.remove(req.actor, req.territory!, req.params.id, req.params.accountId)
      if (result.kind === 'last-manager') throw new HttpError(409, req.t('organisation.members.lastManager'))
      return reply.code(204).send(null)
    },
  )
}
