import { type Static, Type } from '@sinclair/typebox'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { Issue } from '../../platform/validation.ts'
import { listingKinds, type Urgency, urgencies } from './listing.schema.ts'

/** The filters and order of a search, as the page's GET form and the API both send them. */
export const SORTS = ['relevance', 'distance', 'newest', 'urgency'] as const
export type Sort = (typeof SORTS)[number]
export const RADII = [5, 10, 20, 50] as const
export type RadiusKm = (typeof RADII)[number]
/** Longer than any sentence a person types to search; what is longer is a paste or an attack. */
export const WORDS_MAX = 200
export const CATEGORIES_MAX = 20
export const CURSOR_MAX = 300
export const PAGE_SIZE = 20
/** What the kind filter offers: asks and offers are listings; missions are organisations' needs for volunteers. */
export const SEARCH_KINDS = [...listingKinds, 'mission'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

const stringEnum = <T extends string | number>(values: readonly T[], options: object = {}) =>
  Type.Unsafe<T>({
    type: typeof values[0] === 'number' ? 'integer' : 'string',
    enum: [...values],
    ...options,
  })

/**
 * The querystring contract, for the OpenAPI document. Routes read it with attachValidation and
 * parseSearch below, so that a refusal comes back in the visitor's language.
 */
export const SearchQuerystring = Type.Object(
  {
    kind: Type.Optional(
      stringEnum(SEARCH_KINDS, {
        description: 'ask: demandes; offer: propositions; mission: missions d’associations (in `missions`)',
      }),
    ),
    categories: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), {
        maxItems: CATEGORIES_MAX,
        description: 'category slugs or ids; repeat the parameter for several',
        examples: [['it-digital']],
      }),
    ),
    commune: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'the centre: INSEE code, postal code or name; absent or empty: the whole territory',
        examples: ['14366'],
      }),
    ),
    radiusKm: Type.Optional(stringEnum(RADII, { description: 'km around the centre', examples: [10] })),
    words: Type.Optional(
      Type.String({
        maxLength: WORDS_MAX,
        description: 'French words; accents and case ignored, stemmed, close spellings found',
        examples: ['aide ordinateur'],
      }),
    ),
    urgency: Type.Optional(stringEnum(urgencies)),
    sort: Type.Optional(
      stringEnum(SORTS, {
        description: 'default: relevance with words, else distance with a centre, else newest',
      }),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: CURSOR_MAX, description: 'nextCursor of the previous page' }),
    ),
  },
  { additionalProperties: true },
)
export type SearchQuerystring = Static<typeof SearchQuerystring>

/** Where the next page starts: the last result's sort values and id. */
export interface Cursor {
  sort: Sort
  /** rank, distance in metres, or urgency order, then the publication time in ms */
  values: number[]
  id: string
}

export interface SearchQuery {
  kind: SearchKind | null
  categories: string[]
  /** null: the form was not sent; '': no centre asked (both: the whole territory) */
  commune: string | null
  radiusKm: RadiusKm | null
  words: string | null
  urgency: Urgency | null
  sort: Sort | null
  cursor: Cursor | null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SLUG = /^[a-z0-9-]{1,100}$/

const first = (v: unknown): string | undefined =>
  Array.isArray(v) ? first(v[0]) : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined
const all = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((x) => (typeof x === 'string' ? [x] : []))

/**
 * Reads a raw querystring into a search, or the reasons it is refused (each with a message
 * key). Empty fields mean « any », since a GET form sends every field.
 */
export function parseSearch(raw: Record<string, unknown>): { query: SearchQuery } | { issues: Issue[] } {
  const issues: Issue[] = []
  const issue = (field: string, key: MessageKey, params?: Issue['params']) =>
    issues.push({ field, key, ...(params ? { params } : {}) })

  const kindText = first(raw.kind) ?? ''
  const kind = (SEARCH_KINDS as readonly string[]).includes(kindText) ? (kindText as SearchKind) : null
  if (kindText !== '' && !kind) issue('kind', 'search.error.kind')

  const categories = [...new Set(all(raw.categories).filter((c) => c !== ''))]
  if (categories.length > CATEGORIES_MAX || categories.some((c) => !SLUG.test(c) && !UUID.test(c)))
    issue('categories', 'search.error.categories')

  const communeText = first(raw.commune)
  const commune = communeText === undefined ? null : communeText.trim()
  if (commune !== null && commune.length > 100) issue('commune', 'search.error.commune')

  const radiusText = first(raw.radiusKm) ?? ''
  const radiusKm = (RADII as readonly number[]).includes(Number(radiusText))
    ? (Number(radiusText) as RadiusKm)
    : null
  if (radiusText !== '' && !radiusKm) issue('radiusKm', 'search.error.radius', { choices: RADII.join(', ') })

  const wordsText = first(raw.words) ?? ''
  if (wordsText.length > WORDS_MAX) issue('words', 'search.error.wordsTooLong', { max: WORDS_MAX })
  const words = wordsText.replace(/\s+/g, ' ').trim() || null

  const urgencyText = first(raw.urgency) ?? ''
  const urgency = (urgencies as readonly string[]).includes(urgencyText) ? (urgencyText as Urgency) : null
  if (urgencyText !== '' && !urgency) issue('urgency', 'search.error.urgency')

  const sortText = first(raw.sort) ?? ''
  const sort = (SORTS as readonly string[]).includes(sortText) ? (sortText as Sort) : null
  if (sortText !== '' && !sort) issue('sort', 'search.error.sort')

  const cursorText = first(raw.cursor) ?? ''
  const cursor = cursorText === '' ? null : decodeCursor(cursorText)
  if (cursorText !== '' && !cursor) issue('cursor', 'search.error.cursor')

  if (issues.length > 0) return { issues }
  return { query: { kind, categories, commune, radiusKm, words, urgency, sort, cursor } }
}

/** The order actually used: relevance needs words, distance needs a centre. */
export function effectiveSort(asked: Sort | null, hasWords: boolean, hasCentre: boolean): Sort {
  if (asked === 'relevance' && hasWords) return 'relevance'
  if (asked === 'distance' && hasCentre) return 'distance'
  if (asked === 'newest' || asked === 'urgency') return asked
  return hasWords ? 'relevance' : hasCentre ? 'distance' : 'newest'
}

/** Opaque to clients: base64url of a small JSON; it carries no filter, only where to resume. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.values, cursor.id])).toString('base64url')
}

export function decodeCursor(text: string): Cursor | null {
  if (text.length > CURSOR_MAX || !/^[\w-]+$/.test(text)) return null
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 3) return null
    const [sort, values, id] = value as [unknown, unknown, unknown]
    if (typeof sort !== 'string' || !(SORTS as readonly string[]).includes(sort)) return null
    if (!Array.isArray(values) || values.length !== cursorArity[sort as Sort]) return null
    if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) return null
    if (!cursorValuesInRange(sort as Sort, values as number[])) return null
    if (typeof id !== 'string' || !UUID.test(id)) return null
    return { sort: sort as Sort, values: values as number[], id }
  } catch {
    return null
  }
}

/** Year 9999: a date both JavaScript and PostgreSQL hold; a forged one past it would be a 500. */
const LAST_MS = 253_402_300_799_999
const isDate = (v: number) => Number.isInteger(v) && v >= 0 && v <= LAST_MS
/** Half the earth's circumference, in metres, bounds any distance between two points. */
const FARTHEST_M = 20_100_000

/** What each order's values can really be: anything else was not written by us. */
function cursorValuesInRange(sort: Sort, values: number[]): boolean {
  const [first, second] = values as [number, number | undefined]
  switch (sort) {
    case 'relevance':
      return first >= 0 && first <= 1e6
    case 'distance':
      return first >= 0 && first <= FARTHEST_M
    case 'urgency':
      return [0, 1, 2].includes(first) && second !== undefined && isDate(second)
    default:
      return isDate(first)
  }
}

/** How many sort values each order needs before the id. */
export const cursorArity: Record<Sort, number> = { relevance: 1, distance: 1, newest: 1, urgency: 2 }

/** Urgent first: today, then this week, then no rush (or not said). */
export function urgencyOrder(urgency: Urgency | null): number {
  return urgency === 'today' ? 0 : urgency === 'week' ? 1 : 2
}

/** The querystring of a search, for links (next page, alert creation) and the saved search. */
export function searchHref(query: Omit<SearchQuery, 'cursor'>, cursor?: string): string {
  const params = new URLSearchParams()
  if (query.words) params.set('words', query.words)
  if (query.kind) params.set('kind', query.kind)
  for (const c of query.categories) params.append('categories', c)
  if (query.commune !== null) params.set('commune', query.commune)
  if (query.radiusKm) params.set('radiusKm', String(query.radiusKm))
  if (query.urgency) params.set('urgency', query.urgency)
  if (query.sort) params.set('sort', query.sort)
  if (cursor) params.set('cursor', cursor)
  const text = params.toString()
  return text ? `/annonces?${text}` : '/annonces'
}
