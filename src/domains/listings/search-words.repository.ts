import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { Cursor } from './search.ts'
import { and, picked } from './search-sql.ts'

// Searching by words: whether the words match exactly or only by close spelling (trigrams),
// the condition the listings must meet, and the relevance order over a window of recent matches.

/** Trigram likeness is a fallback for misspellings; below 4 letters it matches too much to be cheap. */
const FUZZY_MIN = 4
const FUZZY_MAX = 60

/**
 * Relevance ranks the most recent matches only, at most this many. Ranking reads every ranked
 * row's search vector, so a common word (« école » in one listing out of six) would cost a read
 * of thousands of rows per page; the most recent matches are also the ones still looked for.
 * The trade-off: past this many matches, an older listing is found by the newest order (or by
 * more words), not by relevance. Pages stay exact: the window is chosen before the cursor applies.
 * 100 rather than 200 halved the rows a common or middling word reads on PostgreSQL at scale.
 */
const RANK_WINDOW = 100

export interface Words {
  /** the condition on `l` the listings must meet */
  condition: SQL
  /** no listing has the words as typed: close spellings of the title instead */
  fuzzy: boolean
  query: SQL
  typed: SQL
}

/**
 * A first, cheap question: how many listings have the words as typed? None: close spellings
 * (trigrams) if the words are long enough, else nothing to find (null); asked inside the search,
 * the trigram index would be read for every search. Fewer than a window: see fewMatches.
 */
export async function matchWords(db: DbOrTx, territoryId: string, words: string): Promise<Words | null> {
  const query = sql`websearch_to_tsquery('french_unaccent', ${words})`
  const typed = sql`immutable_unaccent(lower(${words}))`
  const exact = await countMatches(db, territoryId, query, RANK_WINDOW)
  const fuzzy = exact === 0
  if (fuzzy && (words.length < FUZZY_MIN || words.length > FUZZY_MAX)) return null
  const condition = fuzzy
    ? sql`${typed} <% immutable_unaccent(lower(l.title))`
    : exact < RANK_WINDOW
      ? fewMatches(sql`l.search_vector`, query)
      : sql`l.search_vector @@ ${query}`
  return { condition, fuzzy, query, typed }
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

/**
 * Relevance: the RANK_WINDOW most recent matches (GIN index, or the newest-first btree for a
 * common word, as the planner estimates), ranked; the cursor applies after the window. Close
 * spellings, found only when nothing matches exactly, rank by their likeness to the words.
 */
export function byRelevance(
  words: Words,
  where: SQL[],
  distance: SQL,
  urgencyRank: SQL,
  cursor: Cursor | null,
  limit: number,
): SQL {
  const { fuzzy, query, typed } = words
  const score = fuzzy
    ? sql`word_similarity(${typed}, immutable_unaccent(lower(w.title)))::float8`
    : // ts_rank, not ts_rank_cd: word frequency is enough to order a short window, and cheaper.
      sql`ts_rank(w.search_vector, ${query})::float8`
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
  return sql`select * from (
      select ${picked('w')}, ${score} as score, w.distance_m, w.distance_m as knn, w.urgency_rank
      from (${window}) w
    ) r ${keyset}
    order by score desc, id desc
    limit ${limit}`
}
