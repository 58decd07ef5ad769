import type { Static } from '@sinclair/typebox'
import { communeLabel } from '../../platform/geo/commune.ts'
import type { Issue } from '../../platform/validation.ts'
import { type DateParts, parseDateParts, partsOfIso } from '../../platform/views/date-parts.ts'
import { formBody } from '../accounts/index.ts'
import { datePartsMessages } from './ask-steps.ts'
import { type Listing, type ListingInput, parseDay } from './listing.ts'
import type { ListingFormValues } from './views/ListingFormPage.tsx'

/**
 * The creation and edit form as browsers send it. Fields not named here (status, authorId,
 * territoryId…) may be sent; nothing reads them.
 */
export const ListingForm = formBody(
  'kind',
  'categoryId',
  'title',
  'description',
  'commune',
  'whenKind',
  'whenStart',
  'whenEnd',
  'whenStart-day',
  'whenStart-month',
  'whenStart-year',
  'whenEnd-day',
  'whenEnd-month',
  'whenEnd-year',
  'recurrence',
  'urgency',
  'capacity',
  'forWhom',
  'onBehalfName',
  'onBehalfRelation',
  'onBehalfConsent',
  'charter',
)
export type ListingForm = Static<typeof ListingForm>

type DateName = 'whenStart' | 'whenEnd'
const partsOf = (form: ListingForm, name: DateName): DateParts => ({
  day: form[`${name}-day`] ?? '',
  month: form[`${name}-month`] ?? '',
  year: form[`${name}-year`] ?? '',
})
const hasParts = (form: ListingForm, name: DateName) =>
  [`${name}-day`, `${name}-month`, `${name}-year`].some((k) => (form[k as keyof ListingForm] ?? '') !== '')

/**
 * The day as the rules read it: from the three fields the page shows, or from one text field
 * (« 2026-04-02 » or « 02/04/2026 », as clients written before the three fields still send).
 */
function dayOf(form: ListingForm, name: DateName): string {
  if (!hasParts(form, name)) return form[name] ?? ''
  const parsed = parseDateParts(partsOf(form, name))
  return parsed.kind === 'date' ? parsed.iso : 'invalide'
}

/** A typed date's own problem (a missing month, a 31 February) says more than the rules' « invalid date ». */
export function withDateProblems(issues: Issue[], form: ListingForm): Issue[] {
  return issues.map((issue) => {
    const name = issue.field
    if ((name !== 'whenStart' && name !== 'whenEnd') || !hasParts(form, name)) return issue
    const parsed = parseDateParts(partsOf(form, name))
    return parsed.kind === 'problem' ? { field: name, key: datePartsMessages[parsed.problem] } : issue
  })
}

export function inputFromForm(form: ListingForm): ListingInput {
  const forOther = form.forWhom === 'other'
  return {
    kind: form.kind ?? '',
    categoryId: form.categoryId ?? '',
    title: form.title ?? '',
    description: form.description ?? '',
    whenKind: form.whenKind ?? '',
    whenStart: dayOf(form, 'whenStart'),
    whenEnd: dayOf(form, 'whenEnd'),
    recurrence: form.recurrence ?? '',
    urgency: form.urgency ?? '',
    capacity: form.capacity ?? '',
    forOther,
    onBehalfName: forOther ? (form.onBehalfName ?? '') : '',
    onBehalfRelation: forOther ? (form.onBehalfRelation ?? '') : '',
    onBehalfConsent: forOther && form.onBehalfConsent !== undefined,
    charter: form.charter !== undefined,
  }
}

/** What the form shows again after an error: everything as typed. */
export function valuesFromForm(form: ListingForm): ListingFormValues {
  return {
    categoryId: form.categoryId ?? '',
    title: form.title ?? '',
    description: form.description ?? '',
    commune: form.commune ?? '',
    whenKind: form.whenKind ?? '',
    whenStart: hasParts(form, 'whenStart') ? partsOf(form, 'whenStart') : typedParts(form.whenStart),
    whenEnd: hasParts(form, 'whenEnd') ? partsOf(form, 'whenEnd') : typedParts(form.whenEnd),
    recurrence: form.recurrence ?? '',
    urgency: form.urgency ?? '',
    capacity: form.capacity ?? '',
    forWhom: form.forWhom === 'other' ? 'other' : 'self',
    onBehalfName: form.onBehalfName ?? '',
    onBehalfRelation: form.onBehalfRelation ?? '',
    onBehalfConsent: form.onBehalfConsent !== undefined,
    charter: form.charter !== undefined,
  }
}

/** A day sent as one text field, shown again in the three fields. */
function typedParts(text: string | undefined): DateParts {
  const day = parseDay(text ?? '')
  return partsOfIso(day ? day.toISOString().slice(0, 10) : '')
}
const day = (d: Date | null) => partsOfIso(d ? d.toISOString().slice(0, 10) : '')

/** The edit form filled from the listing; the charter is ticked again on every post. */
export function valuesOfListing(
  listing: Listing,
  commune: { name: string; postalCodes: string[] } | null,
): ListingFormValues {
  return {
    categoryId: listing.categoryId,
    title: listing.title,
    description: listing.description,
    commune: commune ? communeLabel(commune) : listing.communeInsee,
    whenKind: listing.whenKind,
    whenStart: day(listing.whenStart),
    whenEnd: day(listing.whenEnd),
    recurrence: listing.recurrence ?? '',
    urgency: listing.urgency ?? '',
    capacity: listing.capacity ?? '',
    forWhom: listing.onBehalfName ? 'other' : 'self',
    onBehalfName: listing.onBehalfName ?? '',
    onBehalfRelation: listing.onBehalfRelation ?? '',
    onBehalfConsent: listing.onBehalfConsent,
    charter: false,
  }
}
