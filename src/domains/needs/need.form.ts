import type { Static } from '@sinclair/typebox'
import { formBody } from '../accounts/index.ts'
import type { DropPointsInput } from './need.service.ts'
import type { DropPointInput, Need, NeedInput } from './need.ts'
import type { DropPointValues, NeedFormValues } from './views/NeedFormPage.tsx'

const dropFields = (n: 1 | 2) =>
  [`drop${n}Name`, `drop${n}Commune`, `drop${n}Address`, `drop${n}Hours`] as const

/**
 * The need form as browsers send it, with two drop points (more are added from the edit page).
 * Fields not named here (status, pledged, organisationId…) may be sent; nothing reads them.
 */
export const NeedForm = formBody(
  'title',
  'description',
  'quantity',
  'unit',
  'categoryId',
  'deadline',
  'allowOverPledge',
  ...dropFields(1),
  ...dropFields(2),
)
export type NeedForm = Static<typeof NeedForm>

export const DropPointForm = formBody(...dropFields(1))
export type DropPointForm = Static<typeof DropPointForm>

export const PledgeForm = formBody('quantity', 'dropPointId', 'organisationId')
export type PledgeForm = Static<typeof PledgeForm>

export const ReceiptForm = formBody('received')
export type ReceiptForm = Static<typeof ReceiptForm>

export function needInputFromForm(form: NeedForm): NeedInput {
  return {
    title: form.title ?? '',
    description: form.description ?? '',
    quantity: form.quantity ?? '',
    unit: form.unit ?? '',
    categoryId: form.categoryId ?? '',
    deadline: form.deadline ?? '',
    allowOverPledge: form.allowOverPledge !== undefined,
  }
}

export function dropValues(form: Record<string, string | undefined>, n: 1 | 2): DropPointValues {
  return {
    name: form[`drop${n}Name`] ?? '',
    commune: form[`drop${n}Commune`] ?? '',
    address: form[`drop${n}Address`] ?? '',
    hours: form[`drop${n}Hours`] ?? '',
  }
}

export const typedDropPoint = (values: DropPointInput) => ({ ...values, by: 'text' as const })

export function dropPointsFromForm(form: NeedForm): DropPointsInput {
  return [typedDropPoint(dropValues(form, 1)), typedDropPoint(dropValues(form, 2))]
}

/** What the form shows again after an error: everything as typed. */
export function valuesFromForm(form: NeedForm): NeedFormValues {
  const input = needInputFromForm(form)
  return { ...input, drops: [dropValues(form, 1), dropValues(form, 2)] }
}

export function valuesOfNeed(need: Need): NeedFormValues {
  return {
    title: need.title,
    description: need.description,
    quantity: String(need.quantity),
    unit: need.unit,
    categoryId: need.categoryId ?? '',
    deadline: need.deadline ?? '',
    allowOverPledge: need.allowOverPledge,
    drops: [],
  }
}
