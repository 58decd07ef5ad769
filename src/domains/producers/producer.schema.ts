import { sql } from 'drizzle-orm'
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { bytea, frenchSearchVector } from '../../platform/db/column-types.ts'
import { idOf } from '../../platform/db/foreign-keys.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'

export const productFamilies = [
  'fruits',
  'legumes',
  'viande',
  'laitages',
  'oeufs',
  'miel',
  'pain',
  'boissons',
  'transformes',
] as const
export type ProductFamily = (typeof productFamilies)[number]

export const producerLabels = ['ab', 'label-rouge', 'aop', 'igp', 'hve', 'bienvenue-ferme'] as const
export type ProducerLabel = (typeof producerLabels)[number]

/**
 * What a producer tells beside its organisation (kind « producer »): its families and labels for
 * the directory's filters. Validation is the organisation's own verification, which the territory
 * may delegate to a partner such as the Chambre d'agriculture (organisation_delegations).
 */
export const producerProfiles = pgTable(
  'producer_profiles',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(idOf('organisations'), { onDelete: 'cascade' }),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    /** kept from the products by the service, for the directory's filter */
    families: text('families').array().$type<ProductFamily[]>().notNull().default(sql`'{}'::text[]`),
    labels: text('labels').array().$type<ProducerLabel[]>().notNull().default(sql`'{}'::text[]`),
    /** « vente à la ferme depuis 1987, troupeau de 40 vaches » */
    presentation: text('presentation').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('producer_profiles_territory_idx').on(t.territoryId),
    index('producer_profiles_families_idx').using('gin', t.families),
  ],
)

/** A product and the months it is to be had (1 = January): « œufs de plein air », all year. */
export const producerProducts = pgTable(
  'producer_products',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => producerProfiles.organisationId, { onDelete: 'cascade' }),
    family: text('family').$type<ProductFamily>().notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    months: smallint('months').array().notNull(),
    labels: text('labels').array().$type<ProducerLabel[]>().notNull().default(sql`'{}'::text[]`),
    position: integer('position').notNull(),
    searchVector: frenchSearchVector('name', 'description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('producer_products_organisation_idx').on(t.organisationId, t.position),
    index('producer_products_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
    check(
      'producer_products_months_check',
      sql`cardinality(months) between 1 and 12 and months <@ '{1,2,3,4,5,6,7,8,9,10,11,12}'::smallint[]`,
    ),
  ],
)

/** Where and how one buys: the farm shop, a market, baskets (AMAP), delivery, a drive pick-up point. */
export const salesModes = ['farm-shop', 'market', 'basket', 'delivery', 'drive'] as const
export type SalesMode = (typeof salesModes)[number]

export const producerSalesPlaces = pgTable(
  'producer_sales_places',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => producerProfiles.organisationId, { onDelete: 'cascade' }),
    territoryId: uuid('territory_id')
      .notNull()
      .references(() => territories.id, { onDelete: 'cascade' }),
    mode: text('mode').$type<SalesMode>().notNull(),
    /** « Marché de Bayeux, place Saint-Patrice », « La ferme » */
    name: text('name').notNull(),
    communeInsee: text('commune_insee').notNull(),
    /** the commune's point, for the search by distance and the map */
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    address: text('address').notNull().default(''),
    /** for delivery: how far from the commune, in km */
    radiusKm: integer('radius_km'),
    details: text('details').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [
    index('producer_sales_places_organisation_idx').on(t.organisationId, t.position),
    index('producer_sales_places_territory_idx').on(t.territoryId, t.mode),
    check('producer_sales_places_radius_check', sql`radius_km is null or radius_km between 1 and 200`),
  ],
)

/**
 * Opening hours of a place, in Paris time: one row per day and span (1 = Monday … 7 = Sunday), so
 * « ouvert aujourd'hui » is a lookup. A market day is a place open one day a week.
 */
export const producerOpeningHours = pgTable(
  'producer_opening_hours',
  {
    id: uuid('id').primaryKey(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => producerSalesPlaces.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
  },
  (t) => [
    index('producer_opening_hours_place_idx').on(t.placeId, t.weekday),
    check('producer_opening_hours_check', sql`weekday between 1 and 7 and closes > opens`),
  ],
)

/** Photos, re-encoded to WebP like logos: the uploaded bytes are never kept nor served. */
export const producerPhotos = pgTable(
  'producer_photos',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => producerProfiles.organisationId, { onDelete: 'cascade' }),
    image: bytea('image').notNull(),
    mediaType: text('media_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    etag: text('etag').notNull(),
    /** what the photo shows, for those who cannot see it */
    alt: text('alt').notNull(),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('producer_photos_organisation_idx').on(t.organisationId, t.position)],
)
