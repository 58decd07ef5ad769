import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { Cursor, Sort } from './search.ts'
import { and, at, type Centre, inTerritory, metresFrom, picked, rectangle } from './search-sql.ts'

// The access paths of the orders without relevance: nearest first by walking communes, and
// newest, urgency or distance by one filtered, ordered scan (a btree walk or the GiST box).

/**
 * The newest and urgency orders walk their btree and keep the listings within the circle, or,
 * for a circle where few people live, sort what the GiST box finds. Listings follow people: a
 * walk fills a page of `limit` after about limit / share rows, while the box reads about share ×
 * the listings, each row on its own page either way. The two cost the same at share =
 * √(limit / listings): 0.5 % at 1,000,000 listings, 4.6 % at 10,000. (The planner cannot weigh
 * this itself: it has no statistics for the cube operators and guesses that any box holds 0.1 %
 * of the rows.) Without an estimate of the listings, a circle under 1 % is read through the box.
 */
const BOX_SHARE_UNKNOWN = 0.01

/** Whether a circle is small enough (by its inhabitants) to be read through the GiST box. */
export const boxFits = (circle: Circle, limit: number, listings: number) =>
  circle.share < (listings > 0 ? Math.sqrt(limit / listings) : BOX_SHARE_UNKNOWN)

const ESTIMATE_TTL_MS = 60_000
let estimate: { listings: number; until: number } | null = null

/**
 * How many listings are published, as the planner's statistics last counted them (all
 * territories: an upper bound for one), read at most once a minute. 0 when never counted.
 */
export async function publishedEstimate(db: DbOrTx): Promise<number> {
  const now = Date.now()
  if (estimate && estimate.until > now) return estimate.listings
  const result = await db.execute(sql`select greatest(reltuples, 0)::float8 as n from pg_class
    where relname = 'listing_vectors' and relkind = 'r'`)
  const listings = Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0)
  estimate = { listings, until: now + ESTIMATE_TTL_MS }
  return listings
}

export interface Circle {
  /** the territory's communes within the circle */
  communes: string[]
  /** the share of the territory's inhabitants living in them (0 when unknown) */
  share: number
}

/** Circles kept in memory: the centres people search around are few (their communes, a few radii). */
const CIRCLES_KEPT = 512
/**
 * How long a circle is kept. Communes never change, but a territory's départements may: as long
 * as the host lookup keeps a territory (30 s), so a search sees a change no later than the rest.
 */
const CIRCLE_TTL_MS = 30_000
const circles = new Map<string, { circle: Circle; until: number }>()

/**
 * The territory's communes within the circle, and the share of its inhabitants who live there.
 * Listings carry their commune's point, so with words « in one of these communes » is the circle
 * itself, which the planner can weigh from the column's statistics; the share tells how far a
 * walk of the newest listings must go before it meets enough of them. Computed once per
 * territory, centre and radius, then kept (least recently used first out), so a search costs no
 * statement for it.
 */
export async function circleOf(
  db: DbOrTx,
  territoryId: string,
  centre: Centre,
  metres: number,
): Promise<Circle> {
  const key = `${territoryId} ${centre.latitude} ${centre.longitude} ${metres}`
  const now = Date.now()
  const kept = circles.get(key)
  if (kept && kept.until > now) {
    // Read again, so the least recently used circle is the first in the map's order.
    circles.delete(key)
    circles.set(key, kept)
    return kept.circle
  }
  const circle = await readCircle(db, territoryId, centre, metres)
  circles.delete(key)
  circles.set(key, { circle, until: now + CIRCLE_TTL_MS })
  if (circles.size > CIRCLES_KEPT) circles.delete(circles.keys().next().value!)
  return circle
}

async function readCircle(db: DbOrTx, territoryId: string, centre: Centre, metres: number): Promise<Circle> {
  const within = sql`${rectangle(centre, metres, sql`c.latitude`, sql`c.longitude`)}
    and ${metresFrom(centre, sql`c.latitude`, sql`c.longitude`)} <= ${metres}::float8`
  const result = await db.execute(sql`select
      coalesce(array_agg(x.insee) filter (where x.within), '{}') as communes,
      coalesce(sum(x.population) filter (where x.within)::float8 / nullif(sum(x.population), 0), 0) as share
    from (select c.insee, c.population, ${within} as within
      from communes c where ${inTerritory(territoryId)}) x`)
  const row = (result as unknown as { rows: { communes: string[]; share: number }[] }).rows[0]
  return { communes: row?.communes ?? [], share: Number(row?.share ?? 0) }
}

/** The condition the GiST box index answers. */
export const inBox = (centre: Centre, metres: number) =>
  sql`earth_box(ll_to_earth(${centre.latitude}::float8, ${centre.longitude}::float8), ${metres}::float8) @> ll_to_earth(l.latitude, l.longitude)`

/**
 * Nearest first: the communes of the territory within the radius, nearest first (a few hundred
 * rows at most, plain arithmetic), each giving its first listings by id. The incremental sort on
 * (commune distance, id) stops as soon as the page is full, after one or a few communes.
 */
export function byCommune(
  territoryId: string,
  centre: Centre,
  metres: number | null,
  where: SQL[],
  distance: SQL,
  urgencyRank: SQL,
  cursor: Cursor | null,
  limit: number,
): SQL {
  const communeDistance = metresFrom(centre, sql`c.latitude`, sql`c.longitude`)
  const near: SQL[] = [inTerritory(territoryId)]
  // No rectangle here: a territory has a few hundred communes, and every condition more would
  // lower the planner's guess of how many are near, until it preferred sorting them all.
  if (metres) near.push(sql`${communeDistance} <= ${metres}::float8`)
  const inListings = [...where, sql`l.commune_insee = p.insee`]
  if (cursor) {
    // Nearer communes are skipped by a one-time test before their listings are read. Filtering
    // them out of the communes instead would make the planner expect a single commune and sort
    // every commune's listings rather than stop at the first full page.
    inListings.push(sql`p.knn >= ${cursor.values[0]}::float8`)
    inListings.push(sql`(p.knn > ${cursor.values[0]}::float8 or l.id > ${cursor.id}::uuid)`)
  }
  return sql`select ${picked('x')}, null::float8 as score, x.distance_m, p.knn, x.urgency_rank
    from (
      select c.insee, ${communeDistance} as knn from communes c
      where ${and(near)}
      order by knn
    ) p
    cross join lateral (
      select ${picked('l')}, ${distance} as distance_m, ${urgencyRank} as urgency_rank
      from listings l where ${and(inListings)}
      order by l.id
      limit ${limit}
    ) x
    order by p.knn, x.id
    limit ${limit}`
}

/**
 * One filtered, ordered scan: newest and urgency follow their btree, or, for a circle where few
 * people live (byBox), sort what the GiST box finds; distance with words sorts the matches.
 * Returns the statement and the order the outer query keeps.
 */
export function byOrder(
  sort: Sort,
  where: SQL[],
  byBox: boolean,
  distance: SQL,
  urgencyRank: SQL,
  cursor: Cursor | null,
  limit: number,
): { inner: SQL; outerOrder: SQL } {
  // The urgency order as one descending key, like its index, so that a page resumes with one
  // row comparison the index can seek to: (weight, published_at, id) < the cursor's.
  const urgencyWeight = sql`(case l.urgency when 'today' then 2 when 'week' then 1 else 0 end)`
  let keyset: SQL | null = null
  let orderBy: SQL
  let outerOrder: SQL
  switch (sort) {
    case 'distance':
      orderBy = sql`${distance}, l.id`
      outerOrder = sql`s.knn, s.id`
      if (cursor)
        keyset = sql`(${distance} > ${cursor.values[0]}::float8 or (${distance} = ${cursor.values[0]}::float8 and l.id > ${cursor.id}::uuid))`
      break
    case 'urgency':
      orderBy = sql`${urgencyWeight} desc, l.published_at desc nulls last, l.id desc`
      outerOrder = sql`s.urgency_rank, s.published_at desc nulls last, s.id desc`
      if (cursor)
        keyset = sql`(${urgencyWeight}, l.published_at, l.id) < (${2 - cursor.values[0]!}::int, ${at(cursor.values[1]!)}, ${cursor.id}::uuid)`
      break
    default:
      // The same order as the index (territory_id, published_at DESC NULLS LAST, id DESC), so it is walked, not sorted.
      orderBy = sql`l.published_at desc nulls last, l.id desc`
      outerOrder = sql`s.published_at desc nulls last, s.id desc`
      if (cursor) keyset = sql`(l.published_at, l.id) < (${at(cursor.values[0]!)}, ${cursor.id}::uuid)`
  }
  // What the GiST box finds is read whole, then resumed and sorted: behind the fence (offset 0)
  // the planner cannot trade the box for the cursor's condition, which it believes selective.
  const source = byBox
    ? sql`(select ${picked('l')} from listings l where ${and(where)} offset 0) l`
    : sql`listings l`
  const conditions = byBox ? (keyset ? [keyset] : [sql`true`]) : keyset ? [...where, keyset] : where
  const inner = sql`select ${picked('l')}, null::float8 as score, ${distance} as distance_m, ${distance} as knn,
      ${urgencyRank} as urgency_rank
    from ${source} where ${and(conditions)}
    order by ${orderBy}
    limit ${limit}`
  return { inner, outerOrder }
}
