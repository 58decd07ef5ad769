import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { EARTH_RADIUS_KM, type LatLon } from '../../platform/geo/distance.ts'
import type { AidStructureType, OrganisationKind } from './organisation.schema.ts'

/** What the directory (the page, and the JSON API) asks for: verified organisations only. */
export interface DirectoryFilter {
  territoryId: string
  /** French words, accents and case ignored, stemmed */
  words: string | null
  kind: OrganisationKind | null
  /** for aid structures only */
  aidType: AidStructureType | null
  /** with `radiusKm`: organisations whose commune lies within the circle */
  centre: LatLon | null
  radiusKm: number | null
}

export interface DirectoryRow {
  id: string
  name: string
  kind: OrganisationKind
  aidType: AidStructureType | null
  communeInsee: string
  communeName: string | null
  /** the description's first characters, cut at a word */
  summary: string
  latitude: number
  longitude: number
  verifiedAt: Date | null
  /** the stored logo's hash, when it has one */
  logoEtag: string | null
  distanceM: number | null
}

export interface DirectoryPage {
  rows: DirectoryRow[]
  /** every match of the filter, for « 12 organisations » */
  total: number
}

/** What a list shows of a description: enough to tell organisations apart. */
export const SUMMARY_CHARS = 180

/**
 * Great-circle metres (haversine) on the sphere earthdistance uses, in plain arithmetic: the same
 * formula as the listings' search, so a radius means the same thing on both pages.
 */
function metresFrom(centre: LatLon): SQL {
  const r = 2 * EARTH_RADIUS_KM * 1000
  return sql`(${r}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(o.latitude - ${centre.latitude}::float8) / 2), 2)
    + cos(radians(o.latitude)) * cos(radians(${centre.latitude}::float8))
      * power(sin(radians(o.longitude - ${centre.longitude}::float8) / 2), 2)))))`
}

/** A latitude band around the circle, slightly wider: a cheap test before the distance. */
function latitudeBand(centre: LatLon, metres: number): SQL {
  const degrees = ((metres / (EARTH_RADIUS_KM * 1000)) * 180) / Math.PI + 1e-6
  return sql`o.latitude between ${centre.latitude - degrees}::float8 and ${centre.latitude + degrees}::float8`
}

/**
 * One page of the territory's verified organisations matching the filter, with the count of all
 * matches. Order: relevance with words, nearest with a circle, else by name; the id breaks ties
 * so that pages never repeat nor skip one.
 */
export async function searchDirectory(
  db: DbOrTx,
  filter: DirectoryFilter,
  page: { offset: number; limit: number },
): Promise<DirectoryPage> {
  const conditions: SQL[] = [sql`o.territory_id = ${filter.territoryId}`, sql`o.status = 'verified'`]
  const query = filter.words ? sql`websearch_to_tsquery('french_unaccent', ${filter.words})` : null
  if (query) conditions.push(sql`o.search_vector @@ ${query}`)
  if (filter.kind) conditions.push(sql`o.kind = ${filter.kind}`)
  if (filter.aidType) conditions.push(sql`o.aid_type = ${filter.aidType}`)
  const distance = filter.centre ? metresFrom(filter.centre) : null
  if (filter.centre && distance && filter.radiusKm) {
    const metres = filter.radiusKm * 1000
    conditions.push(latitudeBand(filter.centre, metres), sql`${distance} <= ${metres}::float8`)
  }
  // By name as a French reader expects it: « Épicerie » among the E, not after the Z.
  const byName = sql`unaccent(lower(o.name)), o.id`
  const order = query
    ? sql`ts_rank(o.search_vector, ${query}) desc, ${byName}`
    : distance
      ? sql`${distance}, ${byName}`
      : byName
  const result = await db.execute(sql`
    select o.id, o.name, o.kind, o.aid_type, o.commune_insee, m.name as commune_name,
      left(o.description, ${SUMMARY_CHARS + 1}) as summary, o.latitude, o.longitude, o.verified_at,
      g.etag as logo_etag, ${distance ?? sql`null`} as distance_m, count(*) over () as total
    from organisations o
      left join organisation_logos g on g.organisation_id = o.id
      left join communes m on m.insee = o.commune_insee
    where ${sql.join(conditions, sql` and `)}
    order by ${order}
    limit ${page.limit} offset ${page.offset}`)
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows
  if (rows.length === 0 && page.offset > 0) {
    // Past the last page: the count is still worth saying.
    const counted = await db.execute(
      sql`select count(*) as total from organisations o where ${sql.join(conditions, sql` and `)}`,
    )
    const total = Number((counted as unknown as { rows: { total: unknown }[] }).rows[0]?.total ?? 0)
    return { rows: [], total }
  }
  return { rows: rows.map(toRow), total: Number(rows[0]?.total ?? 0) }
}

function toRow(r: Record<string, unknown>): DirectoryRow {
  return {
    id: String(r.id),
    name: String(r.name),
    kind: r.kind as OrganisationKind,
    aidType: (r.aid_type as AidStructureType | null) ?? null,
    communeInsee: String(r.commune_insee),
    communeName: (r.commune_name as string | null) ?? null,
    summary: shorten(String(r.summary ?? '')),
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    verifiedAt: r.verified_at ? new Date(r.verified_at as string | Date) : null,
    logoEtag: (r.logo_etag as string | null) ?? null,
    distanceM: r.distance_m === null || r.distance_m === undefined ? null : Number(r.distance_m),
  }
}

/** Cut at the last space before the limit, with an ellipsis, never in the middle of a word. */
export function shorten(text: string, max = SUMMARY_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`
}
