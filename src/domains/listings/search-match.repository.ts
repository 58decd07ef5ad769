import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { foldPlurals, lexemesOf, namedCategories, wordCountBounds } from './search-fold.ts'
import { list } from './search-sql.ts'
import { RANK_WINDOW, type Words } from './search-words.repository.ts'

// Which listings match the words typed: their lexemes in either number (search-fold.ts), the
// listings of a category the words name, and misspelt words corrected against the words of
// published listings (listing_words).

/** Below 4 letters a trigram likeness matches too much: such words are searched as typed. */
const FUZZY_MIN = 4
/** Close words kept for each misspelt word, nearest first (« ordinatuer »: ordinateur, ordinateurs). */
const CLOSE_WORDS = 3
/** Listings read at most to find how a close word is written (its accents), in one of them. */
const WRITTEN_FROM = 20
/**
 * A close word that many listings have (`from`) is looked for among the newest listings (at most
 * `rows`, about 185 pages of listing_vectors), where it comes within the first few rows;
 * through the GIN index, all its entries were read into a bitmap to find 20 of them (« ordinateur »
 * at 1,000,000 listings: 18,276 entries, about 4 ms). A rarer word, or one the walk did not meet,
 * is read from the GIN index, whose entries are then few. Tests lower `from` to see both ways.
 */
export const writtenWalk = { from: 1000, rows: 5000 }

/** How `c.word` is written (accents, from lower case) in one of the listings `listings` gives. */
const writtenIn = (listings: SQL) => sql`(select w from (${listings}) x,
  unnest(tsvector_to_array(to_tsvector('simple', lower(coalesce(x.title, '') || ' '
    || coalesce(x.description, ''))))) w
  where immutable_unaccent(w) = c.word limit 1)`

/** A query that only requires each of its lexemes, as websearch_to_tsquery writes plain words. */
const CONJUNCTION = /^'[^'\\]+'( & '[^'\\]+')*$/

/**
 * A first, cheap question, in one statement: the words as PostgreSQL stems them, the counts kept
 * for those lexemes and their other number (listing_lexemes), and the lexemes of the territory's
 * category names. From them: the query with both numbers, the categories the words name, and
 * how many listings match (counted on the listings only when the counts cannot tell). None: each
 * word unknown to the territory's listings is replaced by its close spellings, if it has any
 * (correctWords), and the question is asked again; still none: nothing to find (null). The count
 * also tells whether the words are rare (see fewMatches).
 */
export async function matchWords(db: DbOrTx, territoryId: string, words: string): Promise<Words | null> {
  const result =
    await db.execute(sql`with q as (select websearch_to_tsquery('french_unaccent', ${words})::text as t),
      x as (select distinct m[1] as lexeme from q, regexp_matches(q.t, '''([^'']+)''', 'g') m)
    select (select t from q) as text,
      (select coalesce(json_object_agg(c.lexeme, c.listings), '{}') from listing_lexemes c
        where c.territory_id = ${territoryId} and c.lexeme in (
          select lexeme from x union select lexeme || 's' from x
          union select left(lexeme, -1) from x where lexeme like '%s')) as counts,
      (select coalesce(json_agg(json_build_object('id', k.id, 'lexemes', tsvector_to_array(to_tsvector(
          'french_unaccent', coalesce(k.name->>'fr', '') || ' ' || coalesce(k.name->>'en', ''))))), '[]')
        from categories k where k.territory_id = ${territoryId}) as categories`)
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {}
  const text = String(row.text ?? '')
  const json = <T>(v: unknown, empty: T): T => (typeof v === 'string' ? JSON.parse(v) : (v ?? empty)) as T
  const counts = json<Record<string, number>>(row.counts, {})
  const lexemes = lexemesOf(text)
  const conjunction = CONJUNCTION.test(text)
  const categories = namedCategories(
    lexemes,
    json<{ id: string; lexemes: string[] }[]>(row.categories, []),
    conjunction,
  )
  // No lexeme at all (only stop words): such a query matches no listing.
  let query = text === '' ? null : sql`${foldPlurals(text)}::tsquery`
  let corrected: string[] | null = null
  const inCategories = categories.length > 0 ? sql`l.category_id in (${list(categories)})` : null
  const either = (words: SQL) => (inCategories ? sql`(${words} or ${inCategories})` : words)

  let count = 0
  if (query) {
    const bounds = wordCountBounds(lexemes, counts, conjunction)
    const named = inCategories ? await countInCategories(db, territoryId, categories) : 0
    const least = Math.max(bounds?.least ?? 0, named)
    const most = bounds ? bounds.most + named : Number.POSITIVE_INFINITY
    if (bounds?.most === 0 && named === 0) count = 0
    else if (least >= RANK_WINDOW) count = RANK_WINDOW
    else if (most < RANK_WINDOW) count = most
    else count = await countMatches(db, territoryId, either(sql`l.search_vector @@ ${query}`))
  }
  if (count === 0) {
    const correction = await correctWords(db, territoryId, words)
    if (!correction) return null
    ;({ query, corrected } = correction)
    count = await countMatches(db, territoryId, sql`l.search_vector @@ ${query}`)
    if (count === 0) return null
  }
  const matched = query!
  const words_ =
    count < RANK_WINDOW ? fewMatches(sql`l.search_vector`, matched) : sql`l.search_vector @@ ${matched}`
  const condition = corrected ? words_ : either(words_)
  return { condition, query: matched, corrected, common: count >= RANK_WINDOW }
}

/**
 * Whether a published listing of the territory still has the word: words stay in listing_words
 * after their listings end (until pruneListingWords), and the page names the close words it
 * searched, so a word of a listing since removed by moderation must never be offered.
 * Asked of the counts by lexeme (listing_lexemes), which hold exactly the published listings'
 * lexemes: one indexed row. Asked of the listings, a common word's GIN entries were all read
 * into a bitmap to find one of them (« ordinateur » at 1,000,000 listings: 18,276 entries, 4 ms).
 * A word of listing_words is one token of letters, so it has one lexeme, or none (a stop word,
 * which no listing matches either).
 */
const published = (territory: SQL, word: SQL) => sql`${listingsWith(territory, word)} > 0`

/** How many published listings of the territory have the word's lexeme, from the counts; 0 if none. */
const listingsWith = (territory: SQL, word: SQL) =>
  sql`coalesce((select x.listings from listing_lexemes x where x.territory_id = ${territory}
    and x.lexeme = any(tsvector_to_array(to_tsvector('french_unaccent', ${word}))) limit 1), 0)`

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
 *
 * listing_words holds the words unaccented; the page names the close words as a listing writes
 * them (« mathématiques », not « mathematiques »), read from one of the few listings that have it.
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
        else array(select coalesce(
            case when ${listingsWith(sql`${territoryId}::uuid`, sql`c.word`)} >= ${writtenWalk.from}
              then ${writtenIn(sql`select x.title, x.description from (select v.id
                  from (select v.id, v.search_vector from listing_vectors v where v.territory_id = ${territoryId}
                    order by v.published_at desc nulls last, v.id desc limit ${writtenWalk.rows}) v
                  where v.search_vector @@ plainto_tsquery('french_unaccent', c.word) limit ${WRITTEN_FROM}) v
                join listings x on x.id = v.id`)}
            end,
            ${writtenIn(sql`select x.title, x.description from listings x
              where x.status = 'published' and x.territory_id = ${territoryId}
                and x.search_vector @@ plainto_tsquery('french_unaccent', c.word) limit ${WRITTEN_FROM}`)},
            c.word)
          from (select c.word, similarity(c.word, t.token) as likeness from listing_words c
            where c.territory_id = ${territoryId} and t.token <% c.word
              and ${published(sql`${territoryId}::uuid`, sql`c.word`)}
            order by likeness desc, c.word limit ${CLOSE_WORDS}) c
          order by c.likeness desc, c.word)
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
 * The words match, and fewer than a window of listings do, so the planner is to expect few rows:
 * the condition is written twice on purpose, which multiplies its selectivity by itself. The
 * statistics only know the commonest words; for the others the planner guesses high and, under a
 * LIMIT, would read the table newest first hoping to meet matches early (for a rare word, the
 * whole table) where the GIN index gives them at once.
 */
function fewMatches(vector: SQL, query: SQL): SQL {
  return sql`(${vector} @@ ${query} and ${vector} @@ ${query})`
}

/**
 * How many published listings of the territory meet `condition` (on `l`), counted up to a
 * window: the planner reads a common word's first matches from the table and a rare one's from
 * the GIN index, so either way this costs little.
 */
async function countMatches(db: DbOrTx, territoryId: string, condition: SQL): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from (
    select 1 from listings l where l.status = 'published' and l.territory_id = ${territoryId}
      and ${condition}
    limit ${RANK_WINDOW}) m`)
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0)
}

/** How many published listings the named categories hold, up to a window, by the category index. */
async function countInCategories(db: DbOrTx, territoryId: string, ids: string[]): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from (
    select 1 from listing_vectors l where l.territory_id = ${territoryId} and l.category_id in (${list(ids)})
    limit ${RANK_WINDOW}) m`)
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0)
}
