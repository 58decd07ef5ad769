import { type Static, type TSchema, Type } from '@sinclair/typebox'
import { INSEE_PATTERN } from '../../platform/geo/commune.ts'
import { producerLabels, productFamilies, salesModes } from './producer.schema.ts'
import { PLACES_MAX, PRODUCTS_MAX } from './producer.ts'
import { SEARCH_RADII } from './producer-query.ts'

// The shapes of the producers' JSON API, for validation, types and the OpenAPI document.

const enumOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] })
export const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()])
const Commune = Type.Object({
  insee: Type.String({ examples: ['14047'] }),
  name: Type.String({ examples: ['Bayeux'] }),
})
const Hours = Type.Object({
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' }),
  opens: Type.String({ examples: ['09:00'], description: 'Paris time' }),
  closes: Type.String({ examples: ['18:00'] }),
})

export const ProducerSummary = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String({ examples: ['Ferme du Pré Vert'] }),
    commune: nullable(Commune),
    families: Type.Array(enumOf(productFamilies)),
    labels: Type.Array(enumOf(producerLabels)),
    salesModes: Type.Array(enumOf(salesModes)),
    distanceKm: nullable(Type.Number()),
    openTodayUntil: nullable(
      Type.String({ description: 'Paris time of today’s last closing still to come' }),
    ),
    point: nullable(
      Type.Object(
        { latitude: Type.Number(), longitude: Type.Number() },
        { description: 'the commune’s point, never an address' },
      ),
    ),
  },
  { $id: 'ProducerSummary', description: 'A verified producer as the directory lists it' },
)

const Product = Type.Object({
  id: Type.String({ format: 'uuid' }),
  family: enumOf(productFamilies),
  name: Type.String(),
  description: Type.String(),
  months: Type.Array(Type.Integer({ minimum: 1, maximum: 12 })),
  labels: Type.Array(enumOf(producerLabels)),
})
const Place = Type.Object({
  id: Type.String({ format: 'uuid' }),
  mode: enumOf(salesModes),
  name: Type.String(),
  commune: Commune,
  address: Type.String(),
  details: Type.String(),
  radiusKm: nullable(Type.Integer()),
  hours: Type.Array(Hours),
})
export const ProducerView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    verified: Type.Boolean(),
    commune: Commune,
    presentation: Type.String(),
    labels: Type.Array(enumOf(producerLabels)),
    families: Type.Array(enumOf(productFamilies)),
    contact: Type.Object({
      kind: Type.String({ enum: ['email', 'phone', 'website'] }),
      value: Type.String(),
    }),
    products: Type.Array(Product),
    places: Type.Array(Place),
    photos: Type.Array(
      Type.Object({ url: Type.String(), alt: Type.String(), width: Type.Integer(), height: Type.Integer() }),
    ),
  },
  { $id: 'Producer', description: 'A producer’s page: products, places with hours, contact; no prices' },
)

const str = (max: number) => Type.Optional(Type.String({ maxLength: max }))
export const ProducerBody = Type.Object(
  {
    presentation: str(20_000),
    labels: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
    products: Type.Optional(
      Type.Array(
        Type.Object(
          {
            family: str(40),
            name: str(10_000),
            description: str(20_000),
            months: Type.Optional(Type.Array(Type.Integer(), { maxItems: 24 })),
            labels: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: PRODUCTS_MAX + 1 },
      ),
    ),
    places: Type.Optional(
      Type.Array(
        Type.Object(
          {
            mode: str(40),
            name: str(10_000),
            communeInsee: Type.Optional(Type.String({ pattern: INSEE_PATTERN })),
            address: str(10_000),
            details: str(20_000),
            radiusKm: Type.Optional(Type.Union([Type.Null(), Type.Integer()])),
            hours: Type.Optional(
              Type.Array(
                Type.Object({
                  weekday: Type.Integer(),
                  opens: Type.String({ maxLength: 10 }),
                  closes: Type.String({ maxLength: 10 }),
                }),
                { maxItems: 14 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        { maxItems: PLACES_MAX + 1 },
      ),
    ),
  },
  { additionalProperties: false },
)
export type ProducerBody = Static<typeof ProducerBody>

export const ListQuery = Type.Object({
  words: Type.Optional(Type.String({ maxLength: 200, description: 'French words of a product' })),
  family: Type.Optional(Type.String({ enum: [...productFamilies] })),
  commune: Type.Optional(
    Type.String({ maxLength: 100, description: 'a commune of the territory: name, postal or INSEE code' }),
  ),
  radiusKm: Type.Optional(Type.Integer({ enum: [...SEARCH_RADII] })),
  mode: Type.Optional(Type.String({ enum: [...salesModes] })),
  openToday: Type.Optional(
    Type.Boolean({ description: 'only those open today in Paris time, not closed yet' }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 1 })),
})
