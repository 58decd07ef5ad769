import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import {
  MissionBody,
  MissionView,
  missionView,
  pointerOf,
  problems,
  SignupView,
  signupView,
  str,
} from './mission.api-schemas.ts'
import { MissionService } from './mission.service.ts'
import { type SignupResult, SignupService } from './signup.service.ts'
import { slotLabel } from './slot-label.ts'

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const SignupsBody = Type.Object(
  { slotIds: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 }) },
  { additionalProperties: false },
)
const reasons = {
  'none-chosen': 'mission.signup.noneChosen',
  'unknown-slot': 'mission.signup.unknownSlot',
  closed: 'mission.signup.closed',
  'needs-verified': 'mission.signup.needsVerified',
  already: 'mission.signup.already',
  full: 'mission.signup.full',
} as const

/** The JSON side of missions and sign-ups: the same use cases, permissions and rules as the pages. */
export async function missionApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const missions = new MissionService(services)
  const signups = new SignupService(services)
  app.addSchema(MissionView)
  app.addSchema(SignupView)
  const tags = ['missions']

  const refused = (req: FastifyRequest, result: Extract<SignupResult, { kind: 'refused' }>) => {
    const slots = result.slots.map((s) => slotLabel(s, req.t, req.locale)).join(' ; ')
    const status = result.reason === 'needs-verified' ? 403 : 409
    return new HttpError(status, req.t(reasons[result.reason], { slots }))
  }

  app.get(
    '/api/v1/missions/:id',
    {
      schema: {
        operationId: 'getMission',
        tags,
        summary: 'A mission with its slots and the places left',
        params: idParams,
        response: { 200: Type.Ref('Mission'), 404: problems[404] },
      },
      config: { permission: 'public', scope: 'organisations:read' },
    },
    async (req) => missionView(await missions.page(req.actor, req.territory!, req.params.id)),
  )

  app.post(
    '/api/v1/organisations/:id/missions',
    {
      schema: {
        operationId: 'createMission',
        tags,
        summary: 'Post a mission for an organisation I manage',
        description:
          'Give `slots` (one-off) or `weekly`. Wording about money holds it for review (status "held").',
        params: idParams,
        body: MissionBody,
        response: { 201: Type.Ref('Mission'), ...problems },
      },
      config: { permission: 'verified', scope: 'organisations:write' },
    },
    async (req, reply) => {
      const b: MissionBody = req.body
      const input = {
        title: b.title ?? '',
        description: b.description ?? '',
        categoryId: b.categoryId ?? '',
        address: b.address ?? '',
        needsVerifiedVolunteer: b.needsVerifiedVolunteer ?? false,
        withdrawHours: str(b.withdrawHoursBefore),
      }
      const slots = b.weekly
        ? {
            kind: 'weekly' as const,
            weekly: {
              weekday: str(b.weekly.weekday),
              start: str(b.weekly.start),
              end: str(b.weekly.end),
              until: str(b.weekly.until),
              places: str(b.weekly.places),
            },
          }
        : {
            kind: 'once' as const,
            rows: (b.slots ?? []).map((r) => ({
              date: str(r.date),
              start: str(r.start),
              end: str(r.end),
              places: str(r.places),
            })),
          }
      const result = await missions.create(req.actor, req.territory!, req.params.id, input, slots, {
        insee: b.communeInsee ?? '',
      })
      if (result.kind === 'unverified') throw new HttpError(403, req.t('mission.unverified.text'))
      if (result.kind === 'invalid')
        throw new ValidationError(result.issues.map((i) => ({ ...i, field: pointerOf(i.field) })))
      const page = await missions.page(req.actor, req.territory!, result.mission.id)
      return reply.code(201).send(missionView(page))
    },
  )

  app.post(
    '/api/v1/missions/:id/signups',
    {
      schema: {
        operationId: 'signUpToMission',
        tags,
        summary: 'Sign up to one or several slots, all or nothing',
        description: 'When a slot is full no place is kept (409), and the detail names the full slots.',
        params: idParams,
        body: SignupsBody,
        response: { 201: Type.Array(Type.Ref('MissionSignup')), ...problems },
      },
      config: { permission: 'verified', scope: 'participation:write' },
    },
    async (req, reply) => {
      const result = await signups.signUp(req.actor, req.territory!, req.params.id, req.body.slotIds)
      if (result.kind === 'refused') throw refused(req, result)
      const bySlot = new Map(result.slots.map((s) => [s.id, s]))
      return reply.code(201).send(result.signups.map((s) => signupView(s, bySlot.get(s.slotId)!)))
    },
  )

  app.delete(
    '/api/v1/signups/:id',
    {
      schema: {
        operationId: 'withdrawSignup',
        tags,
        summary: 'Withdraw my sign-up, until the mission’s deadline',
        params: idParams,
        response: { 204: Type.Null(), ...problems },
      },
      config: { permission: 'session', scope: 'participation:write' },
    },
    async (req, reply) => {
      const result = await signups.withdraw(req.actor, req.territory!, req.params.id)
      if (result.kind === 'too-late')
        throw new HttpError(
          409,
          req.t('mission.withdraw.tooLate', { hours: result.mission.withdrawHoursBefore }),
        )
      if (result.kind === 'not-signed-up') throw new HttpError(409, req.t('mission.withdraw.notSignedUpText'))
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/v1/me/signups',
    {
      schema: {
        operationId: 'listMySignups',
        tags,
        summary: 'My sign-ups, upcoming first',
        response: { 200: Type.Array(Type.Ref('MissionSignup')), 401: problems[401], 403: problems[403] },
      },
      config: { permission: 'session', scope: 'organisations:read' },
    },
    async (req) => (await signups.mine(req.actor, req.territory!)).map((i) => signupView(i.signup, i.slot)),
  )

  app.get(
    '/api/v1/missions/:id/signups',
    {
      schema: {
        operationId: 'listMissionSignups',
        tags,
        summary: 'Who signed up to a mission of my organisation (names only)',
        params: idParams,
        response: { 200: Type.Array(Type.Ref('MissionSignup')), ...problems },
      },
      config: { permission: 'session', scope: 'organisations:read' },
    },
    async (req) => {
      const roster = await signups.roster(req.actor, req.territory!, req.params.id)
      return roster.slots.flatMap(({ slot, people }) => people.map((p) => signupView(p, slot, p.displayName)))
    },
  )
}
