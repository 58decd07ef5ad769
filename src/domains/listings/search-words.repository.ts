import { type SQL, sql } from 'drizzle-orm'
import type { Cursor } from './search.ts'
import { and, at, picked } from './search-sql.ts'

// Searching by words: the relevance order over a window of recent matches, and newest first with
// common words. Which listings match the words is decided in search-match.repository.ts.

/**
 * Relevance ranks the most recent matches only, at most this many. Ranking reads every ranked
 * row's search vector, so a common word (« école » in one listing out of six) would cost a read
 * of thousands of rows per page; the most recent matches are also the ones still looked for.
 * The trade-off: past this many matches, an older listing is found by the newest order (or by
 * more words), not by relevance. Pages stay exact: the window is chosen before the cursor applies.
 * 100 rather than 200 halved the rows a common or middling word reads on PostgreSQL at scale.
 */
export const RANK_WINDOW = 100

/**
 * Words that many listings have are first looked for among the `recent` newest listings of the
 * other filters but the circle (walking the newest, or the category's newest, index): a common
 * word fills its window there after a few thousand rows at most, whatever the planner believes.
 * It misjudges words that go together (« rendez-vous médical »: each common, so together rare,
 * it guesses) and words that go with a category (« ordinateur » is rare, but not among the
 * digital help), and would then read all their thousands of matches to sort them.
 *
 * When the recent walk met some matches but fewer than a window (a circle holding a third of the
 * people, a pair of words in one listing out of fifty), the walk goes on over the `wider` newest
 * listings, which costs about a page of listing_vectors per 27 rows: cheaper than reading each
 * of thousands of matches on its own page. It goes on only when the rate met so far promises a
 * full window within `wider` rows (`recent` × window / `wider` matches met, with a margin); a
 * rarer word is read from the GIN index at once. Tests shrink both walks to see every branch.
 */
export const walks = { recent: 5000, wider: 50_000 }

/** How much more than a window the rate met in the recent walk must promise before the walk goes on. */
const WIDER_MARGIN = 1.2

/**
 * The newest listings are not tried first in a circle where fewer than this share of the
 * territory's inhabitants live: the newest listings seldom meet it, so the walk would mostly be wasted, while reading the circle's
 * listings by commune costs little. A walk meets the circle's matches in about 100 / (share ×
 * the word's density) rows, reading the circle about share × the listings: the two are equal
 * near 8 % for a word in a third of a category's 50,000 listings, or in 2 % of 700,000.
 */
const RECENT_FIRST_FROM_SHARE = 0.08

export interface Words {
  /** the condition on `l` the listings must meet */
  condition: SQL
  query: SQL
  /** no listing has the words as typed: the close words searched instead, else null */
  corrected: string[] | null
  /** at least a window of listings match */
  common: boolean
}

/**
 * Relevance: the RANK_WINDOW most recent matches, ranked; the cursor applies after the window.
 * Read from listing_vectors (the vectors and the filtered columns only, in publication order), not
 * from listings: walking the newest, the matches and their neighbours share pages, and only the
 * page's listings are then read. `where` holds the conditions on `l` but the published status,
 * which listing_vectors holds by construction (`published` is left out).
 */
export function byRelevance(
  words: Words,
  circle: { condition: SQL; share: number } | null,
  where: SQL[],
  published: SQL,
  distance: SQL,
  urgencyRank: SQL,
  cursor: Cursor | null,
  limit: number,
): SQL {
  // ts_rank, not ts_rank_cd: word frequency is enough to order a short window, and cheaper.
  const score = sql`ts_rank(w.search_vector, ${words.query})::float8`
  const keyset = cursor
    ? sql`where (score < ${cursor.values[0]}::float8 or (score = ${cursor.values[0]}::float8 and id < ${cursor.id}::uuid))`
    : sql``
  const vectors = where.filter((c) => c !== published)
  // The circle's and a named category's conditions are applied to what the walk returns: their columns go along.
  const columns = sql`l.id, l.published_at, l.commune_insee, l.category_id, l.search_vector, ${distance} as distance_m, ${urgencyRank} as urgency_rank`
  const window = newestMatches(words, circle, vectors, columns, RANK_WINDOW)
  return sql`select ${picked('x')}, p.score, p.distance_m, p.knn, p.urgency_rank
    from (
      select * from (
        select w.id, ${score} as score, w.distance_m, w.distance_m as knn, w.urgency_rank
        from (${window}) w
      ) r ${keyset}
      order by score desc, id desc
      limit ${limit}
    ) p
    join listings x on x.id = p.id`
}

/**
 * The `count` newest matches of the words and the other conditions (`vectors`, on listing_vectors
 * as `l`), in publication order. A common word is looked for among the newest listings first;
 * if fewer than `count` are met there, among more of the newest when the rate met promises it
 * (walks), else among all of them (GIN index). Each branch is gated by one-time filters on the
 * counts, evaluated in order, so a walk that is not needed is never started. The result is the
 * same whichever branch gives it: every match outside the newest N listings is older than them all.
 */
function newestMatches(
  words: Words,
  circle: { condition: SQL; share: number } | null,
  vectors: SQL[],
  columns: SQL,
  count: number,
): SQL {
  const newest = sql`order by published_at desc nulls last, id desc`
  const all = sql`select ${columns} from listing_vectors l where ${and(vectors)} ${newest} limit ${count}`
  if (!words.common || (circle && circle.share < RECENT_FIRST_FROM_SHARE)) return all
  const narrowing = [words.condition, ...(circle ? [circle.condition] : [])]
  const filters = vectors.filter((c) => !narrowing.includes(c))
  const walk = (
    rows: number,
  ) => sql`select * from (select ${columns} from listing_vectors l where ${and(filters)}
      ${newest} limit ${rows}) l
    where ${and(narrowing)} ${newest} limit ${count}`
  const met = sql`(select count(*) from recent)`
  const promising = Math.ceil((WIDER_MARGIN * count * walks.recent) / walks.wider)
  return sql`with recent as materialized (${walk(walks.recent)}),
      wider as materialized (${walk(walks.wider)})
    select * from recent where ${met} >= ${count}
    union all
    select * from wider where ${met} < ${count} and ${met} >= ${promising}
      and (select count(*) from wider) >= ${count}
    union all
    select * from (${all}) a where ${met} < ${count}
      and (${met} < ${promising} or (select count(*) from wider) < ${count})`
}

/**
 * Newest first with common words: the page's newest matches from listing_vectors (walked, see
 * newestMatches), resumed at the cursor, then only the page's listings read. On listings the
 * planner misjudges words that go together and reads all their matches to sort them.
 */
export function byNewestWords(
  words: Words,
  circle: { condition: SQL; share: number } | null,
  where: SQL[],
  published: SQL,
  distance: SQL,
  urgencyRank: SQL,
  cursor: Cursor | null,
  limit: number,
): SQL {
  const vectors = where.filter((c) => c !== published)
  if (cursor) vectors.push(sql`(l.published_at, l.id) < (${at(cursor.values[0]!)}, ${cursor.id}::uuid)`)
  // The walks test the words, a named category and the circle on what they return: those columns go along.
  const columns = sql`l.id, l.published_at, l.commune_insee, l.category_id, l.search_vector, ${distance} as distance_m, ${urgencyRank} as urgency_rank`
  return sql`select ${picked('x')}, null::float8 as score, p.distance_m, p.distance_m as knn, p.urgency_rank
    from (${newestMatches(words, circle, vectors, columns, limit)}) p
    join listings x on x.id = p.id`
}
