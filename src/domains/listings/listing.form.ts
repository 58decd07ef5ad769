import type { Static } from '@sinclair/typebox'
import { communeLabel } from '../../platform/geo/commune.ts'
import { formBody } from '../accounts/index.ts'
import type { Listing, ListingInput } from './listing.ts'
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

export function inputFromForm(form: ListingForm): ListingInput {
  const forOther = form.forWhom === 'other'
  return {
    kind: form.kind ?? '',
    categoryId: form.categoryId ?? '',
    title: form.title ?? '',
    description: form.description ?? '',
    whenKind: form.whenKind ?? '',
    whenStart: form.whenStart ?? '',
    whenEnd: form.whenEnd ?? '',
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
    whenStart: form.whenStart ?? '',
    whenEnd: form.whenEnd ?? '',
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

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '')

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
