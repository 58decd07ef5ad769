import { type Static, Type } from '@sinclair/typebox'
import { communeLabel } from '../../platform/geo/commune.ts'
import type { Place, Product } from './producer.repository.ts'
import { HOURS_ROWS, spokenTime } from './producer.ts'

// What the producer's forms send, and the values they show back (as typed when refused).

const text = Type.Optional(Type.String({ maxLength: 20_000 }))
const many = Type.Optional(
  Type.Union([
    Type.String({ maxLength: 100 }),
    Type.Array(Type.String({ maxLength: 100 }), { maxItems: 40 }),
  ]),
)
export const list = (v: string | string[] | undefined): string[] => [v ?? []].flat()

export const ProfileForm = Type.Object({ presentation: text, labels: many })
export type ProfileForm = Static<typeof ProfileForm>

export const ProductForm = Type.Object({
  family: text,
  name: text,
  description: text,
  months: many,
  labels: many,
})
export type ProductForm = Static<typeof ProductForm>

const hourFields = Object.fromEntries(
  Array.from({ length: HOURS_ROWS }, (_, i) => i + 1).flatMap((n) => [
    [`hours${n}Day`, text],
    [`hours${n}Opens`, text],
    [`hours${n}Closes`, text],
  ]),
)
export const PlaceForm = Type.Object({
  mode: text,
  name: text,
  commune: text,
  address: text,
  details: text,
  radiusKm: text,
  ...hourFields,
})
export type PlaceForm = Static<typeof PlaceForm> & Record<string, string | undefined>

export interface ProductFormValues {
  family: string
  name: string
  description: string
  months: string[]
  labels: string[]
}

export interface HoursRowValues {
  day: string
  opens: string
  closes: string
}

export interface PlaceFormValues {
  mode: string
  name: string
  commune: string
  address: string
  details: string
  radiusKm: string
  hours: HoursRowValues[]
}

export const emptyProduct: ProductFormValues = {
  family: '',
  name: '',
  description: '',
  months: [],
  labels: [],
}

const emptyRows = (): HoursRowValues[] =>
  Array.from({ length: HOURS_ROWS }, () => ({ day: '', opens: '', closes: '' }))

export const emptyPlace = (): PlaceFormValues => ({
  mode: '',
  name: '',
  commune: '',
  address: '',
  details: '',
  radiusKm: '',
  hours: emptyRows(),
})

export const productValues = (b: ProductForm): ProductFormValues => ({
  family: b.family ?? '',
  name: b.name ?? '',
  description: b.description ?? '',
  months: list(b.months),
  labels: list(b.labels),
})

export const valuesOfProduct = (p: Product): ProductFormValues => ({
  family: p.family,
  name: p.name,
  description: p.description,
  months: p.months.map(String),
  labels: [...p.labels],
})

export function placeValues(b: PlaceForm): PlaceFormValues {
  return {
    mode: b.mode ?? '',
    name: b.name ?? '',
    commune: b.commune ?? '',
    address: b.address ?? '',
    details: b.details ?? '',
    radiusKm: b.radiusKm ?? '',
    hours: Array.from({ length: HOURS_ROWS }, (_, i) => ({
      day: b[`hours${i + 1}Day`] ?? '',
      opens: b[`hours${i + 1}Opens`] ?? '',
      closes: b[`hours${i + 1}Closes`] ?? '',
    })),
  }
}

export function valuesOfPlace(
  p: Place,
  commune: { name: string; postalCodes: string[] } | null,
): PlaceFormValues {
  const rows = emptyRows()
  p.hours.slice(0, HOURS_ROWS).forEach((h, i) => {
    rows[i] = { day: String(h.weekday), opens: spokenTime(h.opens, 'en'), closes: spokenTime(h.closes, 'en') }
  })
  return {
    mode: p.mode,
    name: p.name,
    commune: commune ? communeLabel(commune) : p.communeInsee,
    address: p.address,
    details: p.details,
    radiusKm: p.radiusKm === null ? '' : String(p.radiusKm),
    hours: rows,
  }
}
