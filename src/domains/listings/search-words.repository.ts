import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { Cursor } from './search.ts'
import { and, at, picked } from './search-sql.ts'

// Searching by words: the condition the listings must meet, with misspelt words corrected
// against the words of published listings (listing_words), and the relevance order over a
// window of recent matches.

/** Below 4 letters a trigram likeness matches too much: such words are searched as typed. */
const FUZZY_MIN = 4
/** Close words kept for each misspelt word, nearest first (« ordinatuer »: ordinateur, ordinateurs). */
const CLOSE_WORDS = 3

/**
 * Relevance ranks the most recent matches only, at most this many. Ranking reads every ranked
 * row's search vector, so a common word (« école » in one listing out of six) would cost a read
 * of thousands of rows per page; the most recent matches are also the ones still looked for.
 * The trade-off: past this many matches, an older listing is found by the newest order (or by
 * more words), not by relevance. Pages stay exact: the window is chosen before the cursor applies.
 * 100 rather than 200 halved the rows a common or middling word reads on PostgreSQL at scale.
 */
const RANK_WINDOW = 100

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
 * A first, cheap question: how many listings have the words as typed? None: each word unknown to
 * the territory's listings is replaced by its close spellings, if it has any (correctWords), and
 * the question is asked again; still none: nothing to find (null). The count also tells whether
 * the words are rare (see fewMatches).
 */
export async function matchWords(db: DbOrTx, territoryId: string, words: string): Promise<Words | null> {
  let query = sql`websearch_to_tsquery('french_unaccent', ${words})`
  let corrected: string[] | null = null
  let count = await countWords(db, territoryId, query)
  if (count === 0) {
    const correction = await correctWords(db, territoryId, words)
    if (!correction) return null
    ;({ query, corrected } = correction)
    count = await countMatches(db, territoryId, query, RANK_WINDOW)
    if (count === 0) return null
  }
  const condition =
    count < RANK_WINDOW ? fewMatches(sql`l.search_vector`, query) : sql`l.search_vector @@ ${query}`
  return { condition, query, corrected, common: count >= RANK_WINDOW }
}

/** A query that only requires each of its lexemes, as websearch_to_tsquery writes plain words. */
const CONJUNCTION = /^'[^'\\]+'( & '[^'\\]+')*$/

/**
 * How many published listings of the territory match the words, up to RANK_WINDOW, from the
 * counts the triggers keep by lexeme (listing_lexemes): one row a word, whatever the number of
 * listings. Exact for one word, and for any words one of which no listing has; several words
 * that all exist may still never go together, so those (and queries with « or », « - » or
 * phrases) are counted on the listings as before.
 */
async function countWords(db: DbOrTx, territoryId: string, query: SQL): Promise<number> {
  const result = await db.execute(sql`with q as (select ${query}::text as t)
    select (select t from q) as text, array(
      select coalesce(c.listings, 0) from (
        select distinct m[1] as lexeme from q, regexp_matches(q.t, '''([^'']+)''', 'g') m) x
        left join listing_lexemes c on c.territory_id = ${territoryId} and c.lexeme = x.lexeme
    ) as counts`)
  const row = (result as unknown as { rows: { text: string; counts: number[] }[] }).rows[0]
  const text = row?.text ?? ''
  // No lexeme at all (only stop words): such a query matches no listing.
  if (text === '') return 0
  if (CONJUNCTION.test(text)) {
    const counts = (row?.counts ?? []).map(Number)
    const least = Math.min(...counts)
    if (least <= 0) return 0
    if (counts.length === 1) return Math.min(least, RANK_WINDOW)
  }
  return countMatches(db, territoryId, query, RANK_WINDOW)
}

/**
 * Whether a published listing of the territory still has the word: words stay in listing_words
 * after their listings end (until pruneListingWords), and the page names the close words it
 * searched, so a word of a listing since removed by moderation must never be offered.
 */
const published = (territory: SQL, word: SQL) =>
  sql`exists (select 1 from listings x where x.status = 'published' and x.territory_id = ${territory}
    and x.search_vector @@ plainto_tsquery('french_unaccent', ${word}))`

/**
 * Words no published listing of the territory has any more, removed once a day: a word left by
 * an ended listing costs a comparison in every correction. Lexemes counted down to zero go too.
 */
export async function pruneListingWords(db: DbOrTx): Promise<number> {
  await db.execute(sql`delete from listing_lexemes where listings <= 0`)
  const result = await db.execute(sql`delete from listing_words w
    where not ${published(sql`w.territory_id`, sql`w.word`)} returning 1`)
  return (result as unknown as { rows: unknown[] }).rows.length
}

/**
 * Each typed word (unaccented, lower case) that no published listing of the territory has, and
 * long enough, becomes its closest words there; the others stay as typed. All words are still
 * required, a corrected one by any of its close words. Null when nothing was corrected, or when a
 * word has no close word: then nothing matches.
 *
 * Candidates are the words much of whose trigrams the typed word shares (pg_trgm's `<%`, 0.6 by
 * default, answered by the trigram index), ranked by similarity(). Not the `%` and `<->`
 * operators: the embedded database now and then stops answering after one of them (PGlite 0.5.16
 * and 0.5.17, a few runs in a hundred), while `<%` and the functions never did.
 */
async function correctWords(
  db: DbOrTx,
  territoryId: string,
  words: string,
): Promise<{ query: SQL; corrected: string[] } | null> {
  const result = await db.execute(sql`
    select t.token,
      case when t.token !~ '^[a-z]+$' or length(t.token) < ${FUZZY_MIN}
          or exists (select 1 from listing_words k where k.territory_id = ${territoryId} and k.word = t.token)
        then null
        else array(select c.word from listing_words c
          where c.territory_id = ${territoryId} and t.token <% c.word
            and ${published(sql`${territoryId}::uuid`, sql`c.word`)}
          order by similarity(c.word, t.token) desc, c.word limit ${CLOSE_WORDS})
      end as close
    from unnest(tsvector_to_array(to_tsvector('simple', immutable_unaccent(lower(${words})))))
      with ordinality as t(token, n)
    order by t.n`)
  const tokens = (result as unknown as { rows: { token: string; close: string[] | null }[] }).rows
  if (tokens.some((t) => t.close?.length === 0) || tokens.every((t) => t.close === null)) return null
  const one = (word: string) => sql`plainto_tsquery('french_unaccent', ${word})`
  const parts = tokens.map((t) => (t.close ? sql`(${sql.join(t.close.map(one), sql` || `)})` : one(t.token)))
  return {
    query: sql`(${sql.join(parts, sql` && `)})`,
    corrected: tokens.flatMap((t) => t.close ?? []),
  }
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
  // The circle's condition is applied to what the walk returns: its column goes along.
  const columns = sql`l.id, l.published_at, l.commune_insee, l.search_vector, ${distance} as distance_m, ${urgencyRank} as urgency_rank`
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
  // The walks test the words and the circle on what they return: those columns go along.
  const columns = sql`l.id, l.published_at, l.commune_insee, l.search_vector, ${distance} as distance_m, ${urgencyRank} as urgency_rank`
  return sql`select ${picked('x')}, null::float8 as score, p.distance_m, p.distance_m as knn, p.urgency_rank
    from (${newestMatches(words, circle, vectors, columns, limit)}) p
    join listings x on x.id = p.id`
}
