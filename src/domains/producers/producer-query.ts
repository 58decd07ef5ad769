import { Type } from '@sinclair/typebox'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { Issue } from '../../platform/validation.ts'
import { type ProductFamily, productFamilies, type SalesMode, salesModes } from './producer.schema.ts'

/** The directory's search, as its GET form (and the API) send it. */
export const SEARCH_RADII = [5, 10, 15, 20, 30, 50] as const
export const SEARCH_WORDS_MAX = 200
export const SEARCH_COMMUNE_MAX = 100
export const SEARCH_PAGE_SIZE = 20
export const SEARCH_PAGE_MAX = 500
const DEFAULT_RADIUS = 15

export const SearchQuerystring = Type.Object(
  {
    words: Type.Optional(Type.String({ maxLength: SEARCH_WORDS_MAX })),
    family: Type.Optional(Type.String({ maxLength: 40 })),
    commune: Type.Optional(Type.String({ maxLength: SEARCH_COMMUNE_MAX })),
    radiusKm: Type.Optional(Type.String({ maxLength: 10 })),
    mode: Type.Optional(Type.String({ maxLength: 40 })),
    openToday: Type.Optional(Type.String({ maxLength: 10 })),
    page: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: true },
)

export interface ProducerQuery {
  words: string | null
  family: ProductFamily | null
  /** as typed; '' for the whole territory */
  commune: string
  radiusKm: number
  mode: SalesMode | null
  openToday: boolean
  page: number
}

export const emptyProducerQuery: ProducerQuery = {
  words: null,
  family: null,
  commune: '',
  radiusKm: DEFAULT_RADIUS,
  mode: null,
  openToday: false,
  page: 1,
}

const first = (v: unknown): string | undefined =>
  Array.isArray(v) ? first(v[0]) : typeof v === 'string' ? v : undefined

/** Reads the querystring, or says why not; empty fields mean « any », as a GET form sends them all. */
export function parseProducerQuery(
  raw: Record<string, unknown>,
): { query: ProducerQuery } | { issues: Issue[] } {
  const issues: Issue[] = []
  const issue = (field: string, key: MessageKey, params?: Issue['params']) =>
    issues.push({ field, key, ...(params ? { params } : {}) })
  const wordsText = first(raw.words) ?? ''
  if (wordsText.length > SEARCH_WORDS_MAX) issue('words', 'producers.error.words', { max: SEARCH_WORDS_MAX })
  const familyText = first(raw.family) ?? ''
  const family = (productFamilies as readonly string[]).includes(familyText)
    ? (familyText as ProductFamily)
    : null
  if (familyText !== '' && !family) issue('family', 'producers.error.searchFamily')
  const modeText = first(raw.mode) ?? ''
  const mode = (salesModes as readonly string[]).includes(modeText) ? (modeText as SalesMode) : null
  if (modeText !== '' && !mode) issue('mode', 'producers.error.searchMode')
  const commune = (first(raw.commune) ?? '').trim()
  if (commune.length > SEARCH_COMMUNE_MAX) issue('commune', 'producers.error.searchCommune')
  const radiusText = first(raw.radiusKm) ?? ''
  const radius = (SEARCH_RADII as readonly number[]).includes(Number(radiusText)) ? Number(radiusText) : null
  if (radiusText !== '' && !radius)
    issue('radiusKm', 'producers.error.searchRadius', { choices: SEARCH_RADII.join(', ') })
  const openText = first(raw.openToday) ?? ''
  if (!['', 'oui', 'true', '1'].includes(openText)) issue('openToday', 'producers.error.openToday')
  const pageText = first(raw.page) ?? ''
  const page = /^\d{1,4}$/.test(pageText) ? Number(pageText) : pageText === '' ? 1 : Number.NaN
  if (!(page >= 1 && page <= SEARCH_PAGE_MAX)) issue('page', 'producers.error.page')
  if (issues.length > 0) return { issues }
  return {
    query: {
      words: wordsText.replace(/\s+/g, ' ').trim() || null,
      family,
      commune,
      radiusKm: radius ?? DEFAULT_RADIUS,
      mode,
      openToday: openText !== '',
      page,
    },
  }
}

/** The address of a search, for the pages before and after. */
export function producerSearchHref(query: ProducerQuery, page = query.page): string {
  const params = new URLSearchParams()
  if (query.words) params.set('words', query.words)
  if (query.family) params.set('family', query.family)
  if (query.commune) {
    params.set('commune', query.commune)
    params.set('radiusKm', String(query.radiusKm))
  }
  if (query.mode) params.set('mode', query.mode)
  if (query.openToday) params.set('openToday', 'oui')
  if (page > 1) params.set('page', String(page))
  const text = params.toString()
  return text ? `/producteurs?${text}` : '/producteurs'
}
