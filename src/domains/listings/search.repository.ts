import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { LocalisedText } from '../../platform/tenancy/territory.schema.ts'
import type { ListingKind, Urgency } from './listing.schema.ts'
import type { Cursor, Sort } from './search.ts'
import { matchWords } from './search-match.repository.ts'
import { boxFits, byCommune, byOrder, circleOf, inBox, publishedEstimate } from './search-paths.repository.ts'
import { and, list, metresFrom, rectangle, urgencyRank } from './search-sql.ts'
import { byNewestWords, byRelevance } from './search-words.repository.ts'

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
  /** empty for an ask the phone line passed on: the agent who typed it is not its author */
  authorName: string
  relayed: boolean
  /** relevance, in the relevance order */
  score: number | null
  /** metres from the centre when one was given */
  distanceM: number | null
  /** what the distance order and its cursor use: metres from the centre to the listing's commune */
  knn: number | null
  urgencyRank: number
}

export interface SearchRows {
  rows: SearchRow[]
  /** no listing had the words as typed: the close words searched instead (« ordinateur »), else null */
  corrected: string[] | null
  /** asked for and the circle held few: how many more match outside it, up to `most` */
  beyond?: { count: number; most: boolean }
}

/** How many listings beyond the circle are counted at most: past that, « more than » says enough. */
export const BEYOND_MAX = 99

/**
 * A first, small question may decide the plan: with words, how many listings match them (from
 * the counts kept by lexeme, countWords); in a circle, its communes and how many people live in
 * it (circleOf, kept in memory once computed).
 * Then one statement, in one of three shapes chosen from the filters and the order:
 *
 * - nearest first without words: the territory's communes within the radius, nearest first,
 *   and for each the listings by id (btree on territory, commune, id), until a page is full.
 *   Listings carry their commune's point, so a town's thousands of listings share one
 *   distance: walking communes avoids reading them all to break that tie by id. The order is
 *   the commune's distance, then the id; the radius is still checked on each listing's point.
 * - relevance: the RANK_WINDOW most recent matches (GIN index, or the newest-first btree for a
 *   common word), ranked; the cursor applies after the window. Read from listing_vectors, the
 *   published listings' vectors in publication order, then only the page's listings.
 * - otherwise one filtered, ordered scan: newest and urgency follow their btree, or, for a
 *   circle where few people live, sort what the GiST box finds; distance with words sorts the
 *   matches.
 *
 * The literal `status = 'published'` lets the planner use the partial indexes.
 */
export async function searchListings(
  db: DbOrTx,
  filter: SearchFilter,
  order: { sort: Sort; cursor: Cursor | null; limit: number; beyondBelow?: number },
): Promise<SearchRows> {
  const published = sql`l.status = 'published'`
  const where: SQL[] = [published, sql`l.territory_id = ${filter.territoryId}`]
  if (filter.kind) where.push(sql`l.kind = ${filter.kind}`)
  if (filter.urgency) where.push(sql`l.urgency = ${filter.urgency}`)
  if (filter.listingId) where.push(sql`l.id = ${filter.listingId}`)
  if (filter.publishedAfter)
    where.push(sql`l.published_at > ${filter.publishedAfter.toISOString()}::timestamptz`)

  const { sort, cursor, limit } = order
  const centre = filter.centre
  const metres = centre && filter.radiusKm ? filter.radiusKm * 1000 : null
  const distance = centre ? metresFrom(centre, sql`l.latitude`, sql`l.longitude`) : sql`null::float8`
  // With words, the circle is given as its communes (below); newest or urgency without words
  // may read a small circle through the GiST box. Either needs the circle's communes and people.
  const asCommunes = Boolean(centre && metres && filter.words && !filter.listingId)
  const mayBox = Boolean(
    centre && metres && !filter.words && !filter.listingId && (sort === 'newest' || sort === 'urgency'),
  )
  // The questions that shape the statement do not depend on one another: asked at once, they
  // cost the slowest of them, not their sum (on a pool; the embedded database takes them in turn).
  const [ids, words, near, listings] = await Promise.all([
    filter.categories.length > 0 ? categoryIds(db, filter.territoryId, filter.categories) : null,
    filter.words ? matchWords(db, filter.territoryId, filter.words) : null,
    centre && metres && (asCommunes || mayBox) ? circleOf(db, filter.territoryId, centre, metres) : null,
    mayBox ? publishedEstimate(db) : 0,
  ])
  if (ids) {
    // The ids as literals, not a subquery: with one category the planner can then walk the
    // category's listings newest first (listings_category_newest_idx) and stop at a window.
    if (ids.length === 0) return { rows: [], corrected: null }
    where.push(sql`l.category_id in (${list(ids)})`)
  }
  if (filter.words && !words) return { rows: [], corrected: null }
  if (words) where.push(words.condition)

  // The filters but the circle, for the count of what lies beyond it.
  const beyondWhere = where.filter((c) => c !== published)
  let byBox = false
  let circle: { condition: SQL; share: number } | null = null
  if (asCommunes && near) {
    // Listings carry their commune's point, so the communes within the circle are the circle.
    // Said once, the planner weighs it from the column's statistics; the rectangle and distance
    // as well would multiply its estimate down a hundredfold and mislead it into reading every
    // listing of the circle rather than walking the newest until the window is full. One array
    // parameter, not one parameter a commune: binding hundreds of them cost milliseconds.
    if (near.communes.length === 0) return { rows: [], corrected: words?.corrected ?? null }
    circle = {
      condition: sql`l.commune_insee = any(${`{${near.communes.join(',')}}`}::text[])`,
      share: near.share,
    }
    where.push(circle.condition)
  } else if (centre && metres) {
    where.push(rectangle(centre, metres, sql`l.latitude`, sql`l.longitude`))
    where.push(sql`${distance} <= ${metres}::float8`)
    byBox = mayBox && near !== null && boxFits(near, limit, listings)
    if (byBox) where.push(inBox(centre, metres))
  }

  let inner: SQL
  let outerOrder: SQL
  if (sort === 'distance' && centre && !words && !filter.listingId) {
    inner = byCommune(filter.territoryId, centre, metres, where, distance, urgencyRank, cursor, limit)
    outerOrder = sql`s.knn, s.id`
  } else if (sort === 'relevance' && words) {
    inner = byRelevance(words, circle, where, published, distance, urgencyRank, cursor, limit)
    outerOrder = sql`s.score desc, s.id desc`
  } else if (sort === 'newest' && words?.common && !filter.listingId) {
    inner = byNewestWords(words, circle, where, published, distance, urgencyRank, cursor, limit)
    outerOrder = sql`s.published_at desc nulls last, s.id desc`
  } else {
    ;({ inner, outerOrder } = byOrder(sort, where, byBox, distance, urgencyRank, cursor, limit))
  }

  // Order and limit on the listings alone, then join what the page shows for those few rows only.
  const result = await db.execute(sql`
    select s.id, s.kind, s.title, c.slug as category_slug, c.name as category_name,
      s.commune_insee, m.name as commune_name, s.latitude, s.longitude, s.urgency, s.published_at,
      a.display_name as author_name,
      (select r.relayed from listings r where r.id = s.id) as relayed, s.score, s.distance_m, s.knn, s.urgency_rank
    from (${inner}) s
      join categories c on c.id = s.category_id
      join accounts a on a.id = s.author_id
      left join communes m on m.insee = s.commune_insee
    order by ${outerOrder}`)
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows.map(toRow)
  const few = order.beyondBelow !== undefined && !cursor && metres !== null && rows.length < order.beyondBelow
  return {
    rows,
    corrected: words?.corrected ?? null,
    ...(few ? { beyond: await countBeyond(db, beyondWhere, rows.length) } : {}),
  }
}

/**
 * The circle held every match (fewer than a page): how many more the territory has, from one
 * count over listing_vectors stopped after BEYOND_MAX past the circle's, so a common filter costs
 * a hundred index entries, a rare word its GIN entries.
 */
async function countBeyond(
  db: DbOrTx,
  where: SQL[],
  inCircle: number,
): Promise<{ count: number; most: boolean }> {
  const atMost = inCircle + BEYOND_MAX + 1
  const result = await db.execute(sql`select count(*)::int as n from (
    select 1 from listing_vectors l where ${and(where)} limit ${atMost}) m`)
  const n = Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0)
  return { count: Math.min(n - inCircle, BEYOND_MAX), most: n >= atMost }
}

/** The territory's categories named by slug or id. */
async function categoryIds(db: DbOrTx, territoryId: string, named: string[]): Promise<string[]> {
  const ids = named.filter((c) => c.includes('-') && c.length === 36)
  const result = await db.execute(sql`select id from categories where territory_id = ${territoryId}
    and (slug in (${list(named)})${ids.length > 0 ? sql` or id::text in (${list(ids)})` : sql``})`)
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id)
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
    authorName: r.relayed === true ? '' : String(r.author_name),
    relayed: r.relayed === true,
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
