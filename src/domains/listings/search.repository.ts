import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { LocalisedText } from '../territories/territory.schema.ts'
import type { ListingKind, Urgency } from './listing.schema.ts'
import type { Cursor, Sort } from './search.ts'

export interface SearchFilter {
  territoryId: string
  kind: ListingKind | null
  /** slugs or ids of the territory's categories; empty: all */
  categories: string[]
  words: string | null
  centre: { latitude: number; longitude: number } | null
  radiusKm: number | null
  urgency: Urgency | null
  /** listings published after this moment only (alerts) */
  publishedAfter?: Date
  /** one listing only (immediate alerts check it against each saved search) */
  listingId?: string
  now: Date
}

export interface SearchRow {
  id: string
  kind: ListingKind
  title: string
  categorySlug: string
  categoryName: LocalisedText
  communeInsee: string
  communeName: string | null
  latitude: number
  longitude: number
  urgency: Urgency | null
  publishedAt: Date
  authorName: string
  /** relevance, in the relevance order */
  score: number | null
  /** metres from the centre when one was given */
  distanceM: number | null
  /** what the distance order and its cursor use: metres from the centre to the listing's commune */
  knn: number | null
  urgencyRank: number
}

/** Trigram likeness is a fallback for misspellings; below 4 letters it matches too much to be cheap. */
const FUZZY_MIN = 4
const FUZZY_MAX = 60

/** The sphere earthdistance uses (its earth()), so distances agree with earth_distance to the micrometre. */
const EARTH_RADIUS_M = 6_378_168

/**
 * Relevance ranks the most recent matches only, at most this many. Ranking reads every ranked
 * row's search vector, so a common word (« école » in one listing out of six) would cost a read
 * of thousands of rows per page; the most recent matches are also the ones still looked for.
 * The trade-off: past this many matches, an older listing is found by the newest order (or by
 * more words), not by relevance. Pages stay exact: the window is chosen before the cursor applies.
 */
const RANK_WINDOW = 200

/**
 * The newest and urgency orders walk their btree and keep the listings within the circle when
 * at least this share of the territory's inhabitants live in it: listings follow people, so
 * a page fills after reading about limit / share rows. For a smaller circle the GiST box finds
 * its few listings, which are then sorted. (The planner cannot weigh this itself: it has no
 * statistics for the cube operators and guesses that any box holds 0.1 % of the rows.)
 */
const WALK_FROM_SHARE = 0.01

const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )

interface Centre {
  latitude: number
  longitude: number
}

/**
 * Great-circle metres by the haversine formula, in plain arithmetic: ll_to_earth() on a column
 * costs a hundred times more per row (a SQL function and a domain check), which is what made
 * radius filters slow. Indexes keep using ll_to_earth, where it is computed once per row written.
 */
function metresFrom(centre: Centre, lat: SQL, lon: SQL): SQL {
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
function rectangle(centre: Centre, metres: number, lat: SQL, lon: SQL): SQL {
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

/** The columns every strategy hands to the outer query, before the joins. */
const picked = (l: string) =>
  sql.raw(
    `${l}.id, ${l}.kind, ${l}.title, ${l}.category_id, ${l}.author_id, ${l}.commune_insee, ${l}.latitude, ${l}.longitude, ${l}.urgency, ${l}.published_at`,
  )

/**
 * A first, small question may decide the plan: with words, how many listings match them exactly
 * (countMatches); newest or urgency in a circle, how many people live in it (populationShare).
 * Then one statement, in one of three shapes chosen from the filters and the order:
 *
 * - nearest first without words: the territory's communes within the radius, nearest first,
 *   and for each the listings by id (btree on territory, commune, id), until a page is full.
 *   Listings carry their commune's point, so a town's thousands of listings share one
 *   distance: walking communes avoids reading them all to break that tie by id. The order is
 *   the commune's distance, then the id; the radius is still checked on each listing's point.
 * - relevance: the RANK_WINDOW most recent matches (GIN index, or the newest-first btree for a
 *   common word, as the planner estimates), ranked; the cursor applies after the window.
 * - otherwise one filtered, ordered scan: newest and urgency follow their btree, or, for a
 *   circle where few people live, sort what the GiST box finds; distance with words sorts the
 *   matches.
 *
 * The literal `status = 'published'` lets the planner use the partial indexes.
 */
export async function searchListings(
  db: DbOrTx,
  filter: SearchFilter,
  order: { sort: Sort; cursor: Cursor | null; limit: number },
): Promise<SearchRow[]> {
  const where: SQL[] = [sql`l.status = 'published'`, sql`l.territory_id = ${filter.territoryId}`]
  if (filter.kind) where.push(sql`l.kind = ${filter.kind}`)
  if (filter.urgency) where.push(sql`l.urgency = ${filter.urgency}`)
  if (filter.listingId) where.push(sql`l.id = ${filter.listingId}`)
  if (filter.publishedAfter)
    where.push(sql`l.published_at > ${filter.publishedAfter.toISOString()}::timestamptz`)
  if (filter.categories.length > 0) {
    const ids = filter.categories.filter((c) => c.includes('-') && c.length === 36)
    const slugs = filter.categories
    const named =
      ids.length > 0
        ? sql`(slug in (${list(slugs)}) or id::text in (${list(ids)}))`
        : sql`slug in (${list(slugs)})`
    where.push(
      sql`l.category_id in (select id from categories where territory_id = ${filter.territoryId} and ${named})`,
    )
  }

  const words = filter.words
  const query = sql`websearch_to_tsquery('french_unaccent', ${words})`
  const typed = sql`immutable_unaccent(lower(${words}))`
  let fuzzy = false
  if (words) {
    // A first, cheap question: how many listings have the words as typed? None: close spellings
    // (trigrams) if the words are long enough, else nothing to find; asked inside the search, the
    // trigram index would be read for every search. Fewer than a window: see fewMatches.
    const exact = await countMatches(db, filter.territoryId, query, RANK_WINDOW)
    fuzzy = exact === 0
    if (fuzzy && (words.length < FUZZY_MIN || words.length > FUZZY_MAX)) return []
    where.push(
      fuzzy
        ? sql`${typed} <% immutable_unaccent(lower(l.title))`
        : exact < RANK_WINDOW
          ? fewMatches(sql`l.search_vector`, query)
          : sql`l.search_vector @@ ${query}`,
    )
  }
  // Close spellings, found only when nothing matches exactly, rank by their likeness to the words.
  const scoreOf = (r: string) =>
    fuzzy
      ? sql`word_similarity(${typed}, immutable_unaccent(lower(${sql.raw(`${r}.title`)})))::float8`
      : sql`ts_rank_cd(${sql.raw(`${r}.search_vector`)}, ${query})::float8`

  const { sort, cursor, limit } = order
  const centre = filter.centre
  const metres = centre && filter.radiusKm ? filter.radiusKm * 1000 : null
  const distance = centre ? metresFrom(centre, sql`l.latitude`, sql`l.longitude`) : sql`null::float8`
  let byBox = false
  if (centre && metres) {
    where.push(rectangle(centre, metres, sql`l.latitude`, sql`l.longitude`))
    where.push(sql`${distance} <= ${metres}::float8`)
    byBox =
      (sort === 'newest' || sort === 'urgency') &&
      !words &&
      !filter.listingId &&
      (await populationShare(db, filter.territoryId, centre, metres)) < WALK_FROM_SHARE
    if (byBox) {
      const here = sql`ll_to_earth(${centre.latitude}::float8, ${centre.longitude}::float8)`
      where.push(sql`earth_box(${here}, ${metres}::float8) @> ll_to_earth(l.latitude, l.longitude)`)
    }
  }
  const urgencyRank = sql`(case l.urgency when 'today' then 0 when 'week' then 1 else 2 end)`
  // The urgency order as one descending key, like its index, so that a page resumes with one
  // row comparison the index can seek to: (weight, published_at, id) < the cursor's.
  const urgencyWeight = sql`(case l.urgency when 'today' then 2 when 'week' then 1 else 0 end)`
  const at = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`
  const and = (conditions: SQL[]) => sql.join(conditions, sql` and `)

  let inner: SQL
  let outerOrder: SQL
  if (sort === 'distance' && centre && !words && !filter.listingId) {
    inner = byCommune(filter.territoryId, centre, metres, where, distance, urgencyRank, cursor, limit)
    outerOrder = sql`s.knn, s.id`
  } else if (sort === 'relevance' && words) {
    const keyset = cursor
      ? sql`where (score < ${cursor.values[0]}::float8 or (score = ${cursor.values[0]}::float8 and id < ${cursor.id}::uuid))`
      : sql``
    const matching = sql`select ${picked('l')}, l.search_vector, ${distance} as distance_m, ${urgencyRank} as urgency_rank
      from listings l where ${and(where)}`
    const newest = sql`order by published_at desc nulls last, id desc limit ${RANK_WINDOW}`
    // Close spellings come from the trigram index, read whole in a fenced (materialised) step:
    // seeing the window's order and limit, the planner would rather walk the newest listings and
    // compare every title on the way, which costs ten times more.
    const window = fuzzy
      ? sql`with candidates as materialized (${matching}) select * from candidates ${newest}`
      : sql`select * from (${matching}) m ${newest}`
    inner = sql`select * from (
        select ${picked('w')}, ${scoreOf('w')} as score, w.distance_m, w.distance_m as knn, w.urgency_rank
        from (${window}) w
      ) r ${keyset}
      order by score desc, id desc
      limit ${limit}`
    outerOrder = sql`s.score desc, s.id desc`
  } else {
    let keyset: SQL | null = null
    let orderBy: SQL
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
    inner = sql`select ${picked('l')}, null::float8 as score, ${distance} as distance_m, ${distance} as knn,
        ${urgencyRank} as urgency_rank
      from ${source} where ${and(conditions)}
      order by ${orderBy}
      limit ${limit}`
  }

  // Order and limit on the listings alone, then join what the page shows for those few rows only.
  const result = await db.execute(sql`
    select s.id, s.kind, s.title, c.slug as category_slug, c.name as category_name,
      s.commune_insee, m.name as commune_name, s.latitude, s.longitude, s.urgency, s.published_at,
      a.display_name as author_name, s.score, s.distance_m, s.knn, s.urgency_rank
    from (${inner}) s
      join categories c on c.id = s.category_id
      join accounts a on a.id = s.author_id
      left join communes m on m.insee = s.commune_insee
    order by ${outerOrder}`)
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map(toRow)
}

/**
 * The words match, and countMatches found fewer than a window of listings that do, so the
 * planner is to expect few rows: the condition is written twice on purpose, which multiplies its
 * selectivity by itself. The statistics only know the commonest words; for the others the
 * planner guesses high and, under a LIMIT, would read the table newest first hoping to meet
 * matches early (for a rare word, the whole table) where the GIN index gives them at once.
 */
function fewMatches(vector: SQL, query: SQL): SQL {
  return sql`(${vector} @@ ${query} and ${vector} @@ ${query})`
}

/**
 * How many published listings of the territory match the words exactly, counted up to `atMost`:
 * the planner reads a common word's first matches from the table and a rare one's from the GIN
 * index, so either way this costs little.
 */
async function countMatches(db: DbOrTx, territoryId: string, query: SQL, atMost: number): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from (
    select 1 from listings x where x.status = 'published' and x.territory_id = ${territoryId}
      and x.search_vector @@ ${query}
    limit ${atMost}) m`)
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0)
}

/** The share of the territory's inhabitants living within the circle (0 when unknown). */
async function populationShare(
  db: DbOrTx,
  territoryId: string,
  centre: Centre,
  metres: number,
): Promise<number> {
  const within = sql`${rectangle(centre, metres, sql`c.latitude`, sql`c.longitude`)}
    and ${metresFrom(centre, sql`c.latitude`, sql`c.longitude`)} <= ${metres}::float8`
  const result = await db.execute(sql`select coalesce(
      sum(c.population) filter (where ${within})::float8 / nullif(sum(c.population), 0), 0) as share
    from communes c where ${inTerritory(territoryId)}`)
  return Number((result as unknown as { rows: { share: number }[] }).rows[0]?.share ?? 0)
}

/** The communes of the territory's départements, by the departement index. */
const inTerritory = (territoryId: string) =>
  sql`c.departement in (select unnest(t.departements) from territories t where t.id = ${territoryId})`

/**
 * Nearest first: the communes of the territory within the radius, nearest first (a few hundred
 * rows at most, plain arithmetic), each giving its first listings by id. The incremental sort on
 * (commune distance, id) stops as soon as the page is full, after one or a few communes.
 */
function byCommune(
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
      where ${sql.join(near, sql` and `)}
      order by knn
    ) p
    cross join lateral (
      select ${picked('l')}, ${distance} as distance_m, ${urgencyRank} as urgency_rank
      from listings l where ${sql.join(inListings, sql` and `)}
      order by l.id
      limit ${limit}
    ) x
    order by p.knn, x.id
    limit ${limit}`
}

/** The plan of a search, for the benchmark: the same statement with EXPLAIN in front. */
export async function explainSearch(
  db: DbOrTx,
  filter: SearchFilter,
  order: { sort: Sort; cursor: Cursor | null; limit: number },
): Promise<string> {
  // Every statement runs (the search may first ask whether its words match exactly); the last is the search.
  let captured: SQL | null = null
  const spy = {
    execute: (statement: SQL) => {
      captured = statement
      return db.execute(statement)
    },
  } as unknown as DbOrTx
  await searchListings(spy, filter, order)
  const result = await db.execute(sql`explain (analyze, buffers, costs off) ${captured!}`)
  return (result as unknown as { rows: { 'QUERY PLAN': string }[] }).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n')
}

function toRow(r: Record<string, unknown>): SearchRow {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return {
    id: String(r.id),
    kind: r.kind as ListingKind,
    title: String(r.title),
    categorySlug: String(r.category_slug),
    categoryName: (typeof r.category_name === 'string'
      ? JSON.parse(r.category_name)
      : r.category_name) as LocalisedText,
    communeInsee: String(r.commune_insee),
    communeName: (r.commune_name as string | null) ?? null,
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    urgency: (r.urgency as Urgency | null) ?? null,
    publishedAt: new Date(r.published_at as string | Date),
    authorName: String(r.author_name),
    score: num(r.score),
    distanceM: num(r.distance_m),
    knn: num(r.knn),
    urgencyRank: Number(r.urgency_rank),
  }
}

/** The territory's categories for the filter form, in their order. */
export async function listCategoryOptions(
  db: DbOrTx,
  territoryId: string,
): Promise<{ id: string; slug: string; name: LocalisedText }[]> {
  const result = await db.execute(sql`
    select id, slug, name from categories where territory_id = ${territoryId} and active order by position, slug`)
  return (
    result as unknown as { rows: { id: string; slug: string; name: LocalisedText | string }[] }
  ).rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: typeof r.name === 'string' ? JSON.parse(r.name) : r.name,
  }))
}
