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
  /** relevance when words were given */
  score: number | null
  /** metres from the centre when one was given */
  distanceM: number | null
  /** the straight-line (chord) distance the distance order and its cursor use */
  knn: number | null
  urgencyRank: number
}

/** Trigram likeness is a fallback for misspellings; below 4 letters it matches too much to be cheap. */
const FUZZY_MIN = 4
const FUZZY_MAX = 60

const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )

/**
 * One statement per search. The literal `status = 'published'` lets the planner use the partial
 * indexes (GiST on ll_to_earth, btree on territory and date); words use the GIN index on the
 * generated search vector, or the trigram index on the unaccented title for close spellings;
 * distance is a box test on the GiST index, then the exact great-circle distance.
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
  const fuzzy = words !== null && words.length >= FUZZY_MIN && words.length <= FUZZY_MAX
  const query = words ? sql`, websearch_to_tsquery('french_unaccent', ${words}) q` : sql``
  // Close spellings are looked for only when the words, as typed, are in no published listing of
  // the territory (an InitPlan run once, on the GIN index): a misspelling costs the trigram
  // comparison, a correctly spelt search does not.
  const noExact = sql`not exists (select 1 from listings x where x.status = 'published' and x.territory_id = ${filter.territoryId}
    and x.search_vector @@ websearch_to_tsquery('french_unaccent', ${words}))`
  const typed = sql`immutable_unaccent(lower(${words}))`
  if (words) {
    where.push(
      fuzzy
        ? sql`(l.search_vector @@ q or (${noExact} and ${typed} <% immutable_unaccent(lower(l.title))))`
        : sql`l.search_vector @@ q`,
    )
  }
  const score = words
    ? fuzzy
      ? sql`(ts_rank_cd(l.search_vector, q) + case when l.search_vector @@ q then 0 else 0.05 * word_similarity(${typed}, immutable_unaccent(lower(l.title))) end)::float8`
      : sql`ts_rank_cd(l.search_vector, q)::float8`
    : sql`null::float8`

  let distance = sql`null::float8`
  const centre = filter.centre
  if (centre) {
    const here = sql`ll_to_earth(${centre.latitude}::float8, ${centre.longitude}::float8)`
    distance = sql`earth_distance(${here}, ll_to_earth(l.latitude, l.longitude))`
    if (filter.radiusKm) {
      const metres = filter.radiusKm * 1000
      where.push(sql`earth_box(${here}, ${metres}::float8) @> ll_to_earth(l.latitude, l.longitude)`)
      where.push(sql`${distance} <= ${metres}::float8`)
    }
  }

  const { sort, cursor, limit } = order
  // The nearest first straight from the GiST index (KNN): the chord through the earth (`<->` on
  // cubes) orders exactly as the great-circle distance does.
  const knn = centre
    ? sql`(ll_to_earth(l.latitude, l.longitude) <-> ll_to_earth(${centre.latitude}::float8, ${centre.longitude}::float8))`
    : sql`null::float8`
  const urgencyRank = sql`(case l.urgency when 'today' then 0 when 'week' then 1 else 2 end)`
  const at = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`
  let keyset: SQL | null = null
  let orderBy: SQL
  let outerOrder: SQL
  switch (sort) {
    case 'relevance':
      orderBy = sql`${score} desc, l.id desc`
      outerOrder = sql`s.score desc, s.id desc`
      if (cursor)
        keyset = sql`(${score} < ${cursor.values[0]}::float8 or (${score} = ${cursor.values[0]}::float8 and l.id < ${cursor.id}::uuid))`
      break
    case 'distance':
      orderBy = sql`${knn}, l.id`
      outerOrder = sql`s.knn, s.id`
      if (cursor)
        keyset = sql`(${knn} > ${cursor.values[0]}::float8 or (${knn} = ${cursor.values[0]}::float8 and l.id > ${cursor.id}::uuid))`
      break
    case 'urgency':
      orderBy = sql`${urgencyRank}, l.published_at desc nulls last, l.id desc`
      outerOrder = sql`s.urgency_rank, s.published_at desc nulls last, s.id desc`
      if (cursor)
        keyset = sql`(${urgencyRank} > ${cursor.values[0]}::int or (${urgencyRank} = ${cursor.values[0]}::int and (l.published_at, l.id) < (${at(cursor.values[1]!)}, ${cursor.id}::uuid)))`
      break
    default:
      // NULLS LAST as in the index (territory_id, published_at DESC NULLS LAST), or the planner cannot use it.
      orderBy = sql`l.published_at desc nulls last, l.id desc`
      outerOrder = sql`s.published_at desc nulls last, s.id desc`
      if (cursor) keyset = sql`(l.published_at, l.id) < (${at(cursor.values[0]!)}, ${cursor.id}::uuid)`
  }
  if (keyset) where.push(keyset)

  // Order and limit on the listings alone, then join what the page shows for those few rows only.
  const result = await db.execute(sql`
    select s.id, s.kind, s.title, c.slug as category_slug, c.name as category_name,
      s.commune_insee, m.name as commune_name, s.latitude, s.longitude, s.urgency, s.published_at,
      a.display_name as author_name, s.score, s.distance_m, s.knn, s.urgency_rank
    from (
      select l.id, l.kind, l.title, l.category_id, l.author_id, l.commune_insee, l.latitude, l.longitude,
        l.urgency, l.published_at,
        ${score} as score,
        ${distance} as distance_m,
        ${knn} as knn,
        ${urgencyRank} as urgency_rank
      from listings l ${query}
      where ${sql.join(where, sql` and `)}
      order by ${orderBy}
      limit ${limit}
    ) s
      join categories c on c.id = s.category_id
      join accounts a on a.id = s.author_id
      left join communes m on m.insee = s.commune_insee
    order by ${outerOrder}`)
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map(toRow)
}

/** The plan of a search, for the benchmark: the same statement with EXPLAIN in front. */
export async function explainSearch(
  db: DbOrTx,
  filter: SearchFilter,
  order: { sort: Sort; cursor: Cursor | null; limit: number },
): Promise<string> {
  let captured: SQL | null = null
  const spy = {
    execute: async (statement: SQL) => {
      captured = statement
      return { rows: [] }
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
