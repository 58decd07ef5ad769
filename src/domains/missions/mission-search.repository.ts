import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { EARTH_RADIUS_KM } from '../../platform/geo/distance.ts'
import { verifiedOrganisations } from '../organisations/index.ts'

export interface MissionSearchWhere {
  territoryId: string
  words: string | null
  /** ids, resolved before: an empty list means « all » */
  categoryIds: string[]
  centre: { latitude: number; longitude: number } | null
  metres: number | null
  now: Date
  publishedAfter?: Date
  missionId?: string
}

export interface MissionSearchRow {
  id: string
  title: string
  organisationName: string
  communeInsee: string
  communeName: string | null
  latitude: number
  longitude: number
  publishedAt: Date
  nextStartsAt: Date
  placesLeft: number
  distanceM: number | null
  score: number | null
}

export type MissionOrder =
  | { sort: 'relevance'; after: { value: number; id: string } | null }
  | { sort: 'distance'; after: { value: number; id: string } | null }
  | { sort: 'newest'; after: { value: number; id: string } | null }

/** Great-circle metres by the haversine formula, on the sphere of earthdistance, as the listings' search. */
function metresFrom(centre: { latitude: number; longitude: number }): SQL {
  const lat0 = sql`${centre.latitude}::float8`
  const lon0 = sql`${centre.longitude}::float8`
  return sql`(${2 * EARTH_RADIUS_KM * 1000}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(m.latitude - ${lat0}) / 2), 2)
    + cos(radians(m.latitude)) * cos(radians(${lat0})) * power(sin(radians(m.longitude - ${lon0}) / 2), 2)))))`
}

/**
 * A latitude/longitude band around the circle, slightly wider: cheap comparisons that drop the
 * far missions before their distance and next slot are computed.
 */
function around(centre: { latitude: number; longitude: number }, metres: number): SQL {
  const angle = metres / (EARTH_RADIUS_KM * 1000)
  const dLat = ((angle * 180) / Math.PI) * 1.001 + 1e-6
  const cosLat = Math.cos((centre.latitude * Math.PI) / 180)
  const inLat = sql`m.latitude between ${centre.latitude - dLat}::float8 and ${centre.latitude + dLat}::float8`
  if (cosLat < 0.01 || Math.sin(angle) >= cosLat) return inLat
  const dLon = ((Math.asin(Math.sin(angle) / cosLat) * 180) / Math.PI) * 1.001 + 1e-6
  if (centre.longitude - dLon < -180 || centre.longitude + dLon > 180) return inLat
  return sql`${inLat} and m.longitude between ${centre.longitude - dLon}::float8 and ${centre.longitude + dLon}::float8`
}

const at = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`

/**
 * One statement: the published missions of the territory's verified organisations that have a
 * place left on a slot to come, filtered, ordered and cut to a page. A territory holds hundreds
 * of open missions, not millions: the partial indexes on published missions (newest, words,
 * commune) bound the rows read, and the next open slot is one index probe per mission kept.
 */
export async function searchMissions(
  db: DbOrTx,
  where: MissionSearchWhere,
  order: MissionOrder,
  limit: number,
): Promise<MissionSearchRow[]> {
  const query = where.words ? sql`websearch_to_tsquery('french_unaccent', ${where.words})` : null
  const distance = where.centre ? metresFrom(where.centre) : sql`null::float8`
  const score = query ? sql`ts_rank(m.search_vector, ${query})::float8` : sql`null::float8`
  const conditions: SQL[] = [sql`m.status = 'published'`, sql`m.territory_id = ${where.territoryId}`]
  if (query) conditions.push(sql`m.search_vector @@ ${query}`)
  if (where.categoryIds.length > 0)
    conditions.push(sql`m.category_id = any(${`{${where.categoryIds.join(',')}}`}::uuid[])`)
  if (where.centre && where.metres)
    conditions.push(around(where.centre, where.metres), sql`${distance} <= ${where.metres}::float8`)
  if (where.publishedAfter)
    conditions.push(sql`m.published_at > ${where.publishedAfter.toISOString()}::timestamptz`)
  if (where.missionId) conditions.push(sql`m.id = ${where.missionId}`)

  const after = order.after
  let orderBy: SQL
  if (order.sort === 'relevance' && query) {
    if (after) conditions.push(sql`(${score}, m.id) < (${after.value}::float8, ${after.id}::uuid)`)
    orderBy = sql`score desc, id desc`
  } else if (order.sort === 'distance' && where.centre) {
    if (after) conditions.push(sql`(${distance}, m.id) > (${after.value}::float8, ${after.id}::uuid)`)
    orderBy = sql`distance_m, id`
  } else {
    if (after) conditions.push(sql`(m.published_at, m.id) < (${at(after.value)}, ${after.id}::uuid)`)
    orderBy = sql`published_at desc, id desc`
  }

  const now = where.now.toISOString()
  const result = await db.execute(sql`
    select m.id, m.title, o.name as organisation_name, m.commune_insee, c.name as commune_name,
      m.latitude, m.longitude, m.published_at, s.starts_at as next_starts_at,
      s.places - s.taken as places_left, ${distance} as distance_m, ${score} as score
    from missions m
      join (${verifiedOrganisations(where.territoryId)}) o on o.id = m.organisation_id
      join lateral (select starts_at, places, taken from mission_slots s
        where s.mission_id = m.id and s.cancelled_at is null and s.starts_at > ${now}::timestamptz
          and s.taken < s.places
        order by s.starts_at, s.id limit 1) s on true
      left join communes c on c.insee = m.commune_insee
    where ${sql.join(conditions, sql` and `)}
    order by ${orderBy}
    limit ${limit}`)
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map(toRow)
}

function toRow(r: Record<string, unknown>): MissionSearchRow {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return {
    id: String(r.id),
    title: String(r.title),
    organisationName: String(r.organisation_name),
    communeInsee: String(r.commune_insee),
    communeName: (r.commune_name as string | null) ?? null,
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    // node-postgres gives timestamps of a raw statement as text or Date depending on the driver.
    publishedAt: new Date(r.published_at as string | Date),
    nextStartsAt: new Date(r.next_starts_at as string | Date),
    placesLeft: Number(r.places_left),
    distanceM: num(r.distance_m),
    score: num(r.score),
  }
}

/** The territory and poster of a published mission, for the alerts of its publication. */
export async function missionForAlerts(
  db: DbOrTx,
  id: string,
): Promise<{ territoryId: string; createdBy: string | null } | null> {
  const result = await db.execute(sql`select territory_id, created_by from missions
    where id = ${id} and status = 'published'`)
  const [row] = (result as unknown as { rows: { territory_id: string; created_by: string | null }[] }).rows
  return row ? { territoryId: row.territory_id, createdBy: row.created_by } : null
}
