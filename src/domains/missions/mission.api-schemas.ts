import { type Static, Type } from '@sinclair/typebox'
import { missionStatuses, signupStatuses } from './mission.schema.ts'
import type { MissionPage } from './mission.service.ts'
import { DESCRIPTION_MAX, type Signup, SLOTS_MAX, type Slot, TITLE_MAX } from './mission.ts'

/** The shapes the missions API reads and answers, and how a mission, a slot and a sign-up are shown there. */

const enumOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] })
const nullable = <T extends import('@sinclair/typebox').TSchema>(s: T) => Type.Union([s, Type.Null()])
export const problems = {
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
export const MissionView = Type.Object(
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
export const SignupView = Type.Object(
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
export const MissionBody = Type.Object(
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
export type MissionBody = Static<typeof MissionBody>
export const str = (v: string | number | undefined) => (v === undefined ? '' : String(v))

/** Issues named as the API's fields: row n of the form is slots/n-1. */
export const pointerOf = (field: string) => {
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

export function slotView(slot: Slot) {
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
export function missionView(page: MissionPage) {
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
export const signupView = (s: Signup, slot: Slot, displayName?: string) => ({
  id: s.id,
  missionId: s.missionId,
  slotId: s.slotId,
  status: s.status,
  startsAt: slot.startsAt.toISOString(),
  endsAt: slot.endsAt.toISOString(),
  ...(displayName === undefined ? {} : { displayName }),
})
