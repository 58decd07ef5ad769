import { type SQL, sql } from 'drizzle-orm'

// Pieces of SQL shared by the search statement and its access paths (search-paths.repository.ts,
// search-words.repository.ts): distances in plain arithmetic, the rectangle around a circle,
// the columns handed from a path to the outer query.

/** The sphere earthdistance uses (its earth()), so distances agree with earth_distance to the micrometre. */
const EARTH_RADIUS_M = 6_378_168

export interface Centre {
  latitude: number
  longitude: number
}

export const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )

export const and = (conditions: SQL[]) => sql.join(conditions, sql` and `)

/**
 * Great-circle metres by the haversine formula, in plain arithmetic: ll_to_earth() on a column
 * costs a hundred times more per row (a SQL function and a domain check), which is what made
 * radius filters slow. Indexes keep using ll_to_earth, where it is computed once per row written.
 */
export function metresFrom(centre: Centre, lat: SQL, lon: SQL): SQL {
  const lat0 = sql`${centre.latitude}::float8`
  const lon0 = sql`${centre.longitude}::float8`
  return sql`(${2 * EARTH_RADIUS_M}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(${lat} - ${lat0}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(${lat0})) * power(sin(radians(${lon} - ${lon0}) / 2), 2)))))`
}

/**
 * A latitude/longitude rectangle around the circle, slightly larger: cheap comparisons that
 * discard most rows before the distance is computed, and that the planner can estimate from
 * the columns' statistics.
 */
export function rectangle(centre: Centre, metres: number, lat: SQL, lon: SQL): SQL {
  const angle = metres / EARTH_RADIUS_M
  const degrees = (radians: number) => (radians * 180) / Math.PI
  const dLat = degrees(angle) * 1.001 + 1e-6
  const cosLat = Math.cos((centre.latitude * Math.PI) / 180)
  const inLat = sql`${lat} between ${centre.latitude - dLat}::float8 and ${centre.latitude + dLat}::float8`
  if (cosLat < 0.01 || Math.sin(angle) >= cosLat) return inLat
  const dLon = degrees(Math.asin(Math.sin(angle) / cosLat)) * 1.001 + 1e-6
  // Across the antimeridian a rectangle would need two parts; the latitude band alone is enough there.
  if (centre.longitude - dLon < -180 || centre.longitude + dLon > 180) return inLat
  return sql`${inLat} and ${lon} between ${centre.longitude - dLon}::float8 and ${centre.longitude + dLon}::float8`
}

/** The columns every access path hands to the outer query, before the joins. */
export const picked = (l: string) =>
  sql.raw(
    `${l}.id, ${l}.kind, ${l}.title, ${l}.category_id, ${l}.author_id, ${l}.commune_insee, ${l}.latitude, ${l}.longitude, ${l}.urgency, ${l}.published_at`,
  )

/** The communes of the territory's départements, by the departement index. */
export const inTerritory = (territoryId: string) =>
  sql`c.departement in (select unnest(t.departements) from territories t where t.id = ${territoryId})`

/** The urgency order for display: today, this week, then the rest. */
export const urgencyRank = sql`(case l.urgency when 'today' then 0 when 'week' then 1 else 2 end)`

export const at = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`
