import type { Static } from '@sinclair/typebox'
import { communeLabel } from '../../platform/geo/commune.ts'
import { formBody } from '../accounts/index.ts'
import { type Mission, type MissionInput, SLOT_ROWS, type SlotRowInput, type SlotsInput } from './mission.ts'
import type { MissionFormValues } from './views/MissionFormPage.tsx'

const rowFields = Array.from({ length: SLOT_ROWS }, (_, i) =>
  ['date', 'start', 'end', 'places'].map((f) => `${f}-${i + 1}`),
).flat()

/**
 * The mission form as browsers send it. Fields not named here (status, organisationId,
 * territoryId…) may be sent; nothing reads them.
 */
export const MissionForm = formBody(
  'categoryId',
  'title',
  'description',
  'commune',
  'address',
  'needsVerifiedVolunteer',
  'withdrawHours',
  'slotsKind',
  'weekday',
  'weeklyStart',
  'weeklyEnd',
  'weeklyUntil',
  'weeklyPlaces',
  ...rowFields,
)
export type MissionForm = Static<typeof MissionForm>
type Form = Record<string, string | undefined>

/** One slot row of the form (the slot form of the roster page is row 1). */
export function rowFromForm(form: Form, n: number): SlotRowInput {
  return {
    date: form[`date-${n}`] ?? '',
    start: form[`start-${n}`] ?? '',
    end: form[`end-${n}`] ?? '',
    places: form[`places-${n}`] ?? '',
  }
}

export const SlotForm = formBody('date-1', 'start-1', 'end-1', 'places-1')

export function missionInputFromForm(form: MissionForm): MissionInput {
  return {
    title: form.title ?? '',
    description: form.description ?? '',
    categoryId: form.categoryId ?? '',
    address: form.address ?? '',
    needsVerifiedVolunteer: form.needsVerifiedVolunteer !== undefined,
    withdrawHours: form.withdrawHours ?? '',
  }
}

const weeklyOf = (form: Form) => ({
  weekday: form.weekday ?? '',
  start: form.weeklyStart ?? '',
  end: form.weeklyEnd ?? '',
  until: form.weeklyUntil ?? '',
  places: form.weeklyPlaces ?? '',
})

export function slotsFromForm(form: MissionForm): SlotsInput {
  const f = form as Form
  if (form.slotsKind === 'weekly') return { kind: 'weekly', weekly: weeklyOf(f) }
  if (form.slotsKind === 'once')
    return { kind: 'once', rows: Array.from({ length: SLOT_ROWS }, (_, i) => rowFromForm(f, i + 1)) }
  return { kind: '' }
}

/** What the form shows again after an error: everything as typed. */
export function valuesFromForm(form: MissionForm): MissionFormValues {
  const f = form as Form
  return {
    ...missionInputFromForm(form),
    commune: form.commune ?? '',
    slotsKind: form.slotsKind ?? '',
    rows: Array.from({ length: SLOT_ROWS }, (_, i) => rowFromForm(f, i + 1)),
    weekly: weeklyOf(f),
  }
}

/** The edit form filled from the mission. */
export function valuesOfMission(
  mission: Mission,
  commune: { name: string; postalCodes: string[] } | null,
): MissionFormValues {
  return {
    categoryId: mission.categoryId,
    title: mission.title,
    description: mission.description,
    commune: commune ? communeLabel(commune) : mission.communeInsee,
    address: mission.address ?? '',
    needsVerifiedVolunteer: mission.needsVerifiedVolunteer,
    withdrawHours: String(mission.withdrawHoursBefore),
    slotsKind: '',
    rows: [],
    weekly: { weekday: '', start: '', end: '', until: '', places: '' },
  }
}
