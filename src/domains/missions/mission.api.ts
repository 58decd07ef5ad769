import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { missionStatuses, signupStatuses } from './mission.schema.ts'
import { type MissionPage, MissionService } from './mission.service.ts'
import { DESCRIPTION_MAX, type Signup, SLOTS_MAX, type Slot, TITLE_MAX } from './mission.ts'
import { type SignupResult, SignupService } from './signup.service.ts'
import { slotLabel } from './slot-label.ts'

const enumOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] })
const nullable = <T extends import('@sinclair/typebox').TSchema>(s: T) => Type.Union([s, Type.Null()])
const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
}
const time = Type.String({ format: 'date-time' })

const SlotView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  startsAt: time,
  endsAt: time,
  places: Type.Integer(),
  placesLeft: Type.Integer({ description: '0 when full or cancelled' }),
  cancelled: Type.Boolean(),
})
const MissionView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    organisation: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
    status: enumOf(missionStatuses),
    title: Type.String({ examples: ['Distribution de colis alimentaires'] }),
    description: Type.String({ description: 'plain text, line breaks kept' }),
    categoryId: Type.String({ format: 'uuid' }),
    communeInsee: Type.String({ examples: ['14118'] }),
    address: nullable(Type.String({ description: 'only for volunteers signed up and the organisation' })),
    needsVerifiedVolunteer: Type.Boolean(),
    withdrawHoursBefore: Type.Integer(),
    slots: Type.Array(SlotView),
  },
  { $id: 'Mission', description: 'A mission for volunteers, with its slots and the places left' },
)
const SignupView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    missionId: Type.String({ format: 'uuid' }),
    slotId: Type.String({ format: 'uuid' }),
    status: enumOf(signupStatuses),
    startsAt: time,
    endsAt: time,
    displayName: Type.Optional(Type.String({ description: 'organisation side only: the volunteer’s name' })),
  },
  { $id: 'MissionSignup', description: 'A sign-up to one slot; never a contact detail' },
)

/**
 * Numbers may come as numbers or text: both go through the same rules, with French messages. Text
 * first, so that validation never coerces « 0x41 » into 65.
 */
const numberish = Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Integer()]))
const text = (options: object) => Type.Optional(Type.String(options))
const MissionBody = Type.Object(
  {
    categoryId: text({ maxLength: 100 }),
    title: text({ maxLength: 1000, description: `at most ${TITLE_MAX} characters` }),
    description: text({ maxLength: 20_000, description: `at most ${DESCRIPTION_MAX} characters` }),
    communeInsee: text({ maxLength: 100, examples: ['14118'] }),
    address: text({ maxLength: 1000 }),
    needsVerifiedVolunteer: Type.Optional(Type.Boolean()),
    withdrawHoursBefore: numberish,
    slots: Type.Optional(
      Type.Array(
        Type.Object(
          {
            date: text({ maxLength: 100, examples: ['2026-04-04'] }),
            start: text({ maxLength: 100, examples: ['09:00'] }),
            end: text({ maxLength: 100, examples: ['12:00'] }),
            places: numberish,
          },
          { additionalProperties: false },
        ),
        { maxItems: SLOTS_MAX, description: 'one-off slots, Europe/Paris local times' },
      ),
    ),
    weekly: Type.Optional(
      Type.Object(
        {
          weekday: numberish,
          start: text({ maxLength: 100 }),
          end: text({ maxLength: 100 }),
          until: text({ maxLength: 100, examples: ['2026-06-30'] }),
          places: numberish,
        },
        { additionalProperties: false, description: 'every week (ISO weekday, 1 = Monday) until a day' },
      ),
    ),
  },
  { additionalProperties: false },
)
type MissionBody = Static<typeof MissionBody>
const str = (v: string | number | undefined) => (v === undefined ? '' : String(v))

/** Issues named as the API's fields: row n of the form is slots/n-1. */
const pointerOf = (field: string) => {
  const row = /^(date|start|end|places)-(\d+)$/.exec(field)
  if (row) return `slots/${Number(row[2]) - 1}/${row[1]}`
  const weekly = { weekday: 'weekly/weekday', weeklyStart: 'weekly/start', weeklyEnd: 'weekly/end' } as const
  const more = {
    weeklyUntil: 'weekly/until',
    weeklyPlaces: 'weekly/places',
    commune: 'communeInsee',
  } as const
  return { ...weekly, ...more, withdrawHours: 'withdrawHoursBefore', slotsKind: 'slots' }[field] ?? field
}

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

function slotView(slot: Slot) {
  const cancelled = slot.cancelledAt !== null
  return {
    id: slot.id,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    places: slot.places,
    placesLeft: cancelled ? 0 : Math.max(0, slot.places - slot.taken),
    cancelled,
  }
}
function missionView(page: MissionPage) {
  const { mission, organisation } = page
  return {
    id: mission.id,
    organisation: { id: organisation.id, name: organisation.name },
    status: mission.status,
    title: mission.title,
    description: mission.description,
    categoryId: mission.categoryId,
    communeInsee: mission.communeInsee,
    address: page.showAddress ? mission.address : null,
    needsVerifiedVolunteer: mission.needsVerifiedVolunteer,
    withdrawHoursBefore: mission.withdrawHoursBefore,
    slots: page.slots.map(slotView),
  }
}
const signupView = (s: Signup, slot: Slot, displayName?: string) => ({
  id: s.id,
  missionId: s.missionId,
  slotId: s.slotId,
  status: s.status,
  startsAt: slot.startsAt.toISOString(),
  endsAt: slot.endsAt.toISOString(),
  ...(displayName === undefined ? {} : { displayName }),
})

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
