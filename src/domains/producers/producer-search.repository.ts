import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { EARTH_RADIUS_KM, type LatLon } from '../../platform/geo/distance.ts'
import { verifiedOrganisations } from '../organisations/index.ts'
import type { ProducerLabel, ProductFamily, SalesMode } from './producer.schema.ts'

/** What the directory (the page, the API, the open data) asks for: verified producers only. */
export interface ProducerFilter {
  territoryId: string
  /** French words of a product, accents and case ignored, stemmed */
  words: string | null
  family: ProductFamily | null
  mode: SalesMode | null
  /** with `radiusKm`: producers with a place whose commune lies within the circle (or delivers to it) */
  centre: LatLon | null
  radiusKm: number | null
  /** Paris weekday and time: only those with a span today that has not closed yet */
  openAt: { weekday: number; time: string } | null
  /** when given, these producers only (a producer's own page) */
  ids?: readonly string[]
}

export interface ProducerRow {
  id: string
  name: string
  families: ProductFamily[]
  labels: ProducerLabel[]
  modes: SalesMode[]
  /** the nearest place's commune (the first place's without a centre); null without a place */
  place: { communeInsee: string; latitude: number; longitude: number } | null
  distanceM: number | null
  /** « 18:00 »: today's latest closing time still to come, when `openAt` was given */
  openUntil: string | null
  updatedAt: Date
}

/** Great-circle metres from the centre to a place, the same haversine as the other searches. */
function metresFrom(centre: LatLon): SQL {
  const r = 2 * EARTH_RADIUS_KM * 1000
  return sql`(${r}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(s.latitude - ${centre.latitude}::float8) / 2), 2)
    + cos(radians(s.latitude)) * cos(radians(${centre.latitude}::float8))
      * power(sin(radians(s.longitude - ${centre.longitude}::float8) / 2), 2)))))`
}

const asText = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map(String)
    : typeof v === 'string'
      ? v
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean)
      : []

/**
 * One page of the territory's verified producers matching the filter, with the count of all
 * matches, in one statement. Order: nearest with a circle, else by name; the id breaks ties.
 */
export async function searchProducers(
  db: DbOrTx,
  filter: ProducerFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ProducerRow[]; total: number }> {
  const conditions: SQL[] = [sql`p.territory_id = ${filter.territoryId}`]
  if (filter.ids) {
    if (filter.ids.length === 0) return { rows: [], total: 0 }
    conditions.push(sql`p.organisation_id in ${[...filter.ids]}`)
  }
  if (filter.words)
    conditions.push(sql`exists (select 1 from producer_products pr where pr.organisation_id = p.organisation_id
      and pr.search_vector @@ websearch_to_tsquery('french_unaccent', ${filter.words}))`)
  if (filter.family) conditions.push(sql`p.families @> array[${filter.family}]::text[]`)
  if (filter.mode)
    conditions.push(sql`exists (select 1 from producer_sales_places m where m.organisation_id = p.organisation_id
      and m.mode = ${filter.mode})`)
  const distance = filter.centre ? metresFrom(filter.centre) : sql`null::float8`
  // A place is in reach when its commune is in the circle, or when it delivers as far as the centre.
  const reach =
    filter.centre && filter.radiusKm
      ? sql`(${distance} <= ${filter.radiusKm * 1000}::float8
          or (s.mode = 'delivery' and ${distance} <= s.radius_km * 1000::float8))`
      : sql`true`
  if (filter.centre && filter.radiusKm) conditions.push(sql`near.commune_insee is not null`)
  const open = filter.openAt
  const today = open
    ? sql`(select max(h.closes)::text from producer_opening_hours h
        join producer_sales_places s on s.id = h.place_id
        where s.organisation_id = p.organisation_id and h.weekday = ${open.weekday}
          and h.closes > ${open.time}::time)`
    : sql`null::text`
  if (open) conditions.push(sql`${today} is not null`)
  const order = filter.centre
    ? sql`near.distance_m, unaccent(lower(o.name)), o.id`
    : sql`unaccent(lower(o.name)), o.id`
  const result = await db.execute(sql`
    select p.organisation_id as id, o.name, p.families, p.labels, p.updated_at,
      array(select distinct s.mode from producer_sales_places s where s.organisation_id = p.organisation_id
        order by s.mode) as modes,
      near.commune_insee, near.latitude, near.longitude, near.distance_m,
      ${today} as open_until, count(*) over () as total
    from producer_profiles p
      join (${verifiedOrganisations(filter.territoryId, 'producer')}) o on o.id = p.organisation_id
      left join lateral (
        select s.commune_insee, s.latitude, s.longitude, ${distance} as distance_m
        from producer_sales_places s
        where s.organisation_id = p.organisation_id and ${reach}
        order by 4 nulls last, s.position, s.id limit 1
      ) near on true
    where ${sql.join(conditions, sql` and `)}
    order by ${order}
    limit ${page.limit} offset ${page.offset}`)
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows
  return {
    rows: rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      families: asText(r.families) as ProductFamily[],
      labels: asText(r.labels) as ProducerLabel[],
      modes: asText(r.modes) as SalesMode[],
      place:
        r.commune_insee === null || r.commune_insee === undefined
          ? null
          : {
              communeInsee: String(r.commune_insee),
              latitude: Number(r.latitude),
              longitude: Number(r.longitude),
            },
      distanceM: r.distance_m === null || r.distance_m === undefined ? null : Number(r.distance_m),
      openUntil: r.open_until ? String(r.open_until).slice(0, 5) : null,
      updatedAt: new Date(r.updated_at as string | Date),
    })),
    total: Number(rows[0]?.total ?? 0),
  }
}
