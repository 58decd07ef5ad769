import { type Static, Type } from '@sinclair/typebox'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { Issue } from '../../platform/validation.ts'
import {
  type AidStructureType,
  aidStructureTypes,
  type OrganisationKind,
  organisationKinds,
} from './organisation.schema.ts'

/** The directory's filters, as its GET form sends them. */
export const DIRECTORY_RADII = [5, 10, 20, 50] as const
export type DirectoryRadius = (typeof DIRECTORY_RADII)[number]
export const DIRECTORY_WORDS_MAX = 200
export const DIRECTORY_COMMUNE_MAX = 100
export const DIRECTORY_PAGE_SIZE = 20
/** Far past any territory's organisations: a larger number is typed, not followed. */
export const DIRECTORY_PAGE_MAX = 500
const DEFAULT_RADIUS: DirectoryRadius = 10

/** The querystring contract; read with attachValidation and parseDirectory, so refusals speak French. */
export const DirectoryQuerystring = Type.Object(
  {
    words: Type.Optional(Type.String({ maxLength: DIRECTORY_WORDS_MAX })),
    kind: Type.Optional(Type.String({ maxLength: 40 })),
    aidType: Type.Optional(Type.String({ maxLength: 40 })),
    commune: Type.Optional(Type.String({ maxLength: DIRECTORY_COMMUNE_MAX })),
    radiusKm: Type.Optional(Type.String({ maxLength: 10 })),
    page: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: true },
)
export type DirectoryQuerystring = Static<typeof DirectoryQuerystring>

export interface DirectoryQuery {
  words: string | null
  kind: OrganisationKind | null
  aidType: AidStructureType | null
  /** as typed; '' for the whole territory */
  commune: string
  radiusKm: DirectoryRadius
  page: number
}

export const emptyDirectoryQuery: DirectoryQuery = {
  words: null,
  kind: null,
  aidType: null,
  commune: '',
  radiusKm: DEFAULT_RADIUS,
  page: 1,
}

const first = (v: unknown): string | undefined =>
  Array.isArray(v) ? first(v[0]) : typeof v === 'string' ? v : undefined

/**
 * Reads the raw querystring into a directory search, or the reasons it is refused. Empty fields
 * mean « any », since a GET form sends every field.
 */
export function parseDirectory(
  raw: Record<string, unknown>,
): { query: DirectoryQuery } | { issues: Issue[] } {
  const issues: Issue[] = []
  const issue = (field: string, key: MessageKey, params?: Issue['params']) =>
    issues.push({ field, key, ...(params ? { params } : {}) })

  const wordsText = first(raw.words) ?? ''
  if (wordsText.length > DIRECTORY_WORDS_MAX)
    issue('words', 'directory.error.wordsTooLong', { max: DIRECTORY_WORDS_MAX })
  const words = wordsText.replace(/\s+/g, ' ').trim() || null

  const kindText = first(raw.kind) ?? ''
  const kind = (organisationKinds as readonly string[]).includes(kindText)
    ? (kindText as OrganisationKind)
    : null
  if (kindText !== '' && !kind) issue('kind', 'directory.error.kind')

  const aidText = first(raw.aidType) ?? ''
  const aidType = (aidStructureTypes as readonly string[]).includes(aidText)
    ? (aidText as AidStructureType)
    : null
  if (aidText !== '' && !aidType) issue('aidType', 'directory.error.aidType')
  // A type of aid structure says the kind; another kind with it would find nothing, silently.
  if (aidType && kind && kind !== 'aid-structure') issue('aidType', 'directory.error.aidTypeKind')

  const commune = (first(raw.commune) ?? '').trim()
  if (commune.length > DIRECTORY_COMMUNE_MAX) issue('commune', 'directory.error.commune')

  const radiusText = first(raw.radiusKm) ?? ''
  const radius = (DIRECTORY_RADII as readonly number[]).includes(Number(radiusText))
    ? (Number(radiusText) as DirectoryRadius)
    : null
  if (radiusText !== '' && !radius)
    issue('radiusKm', 'directory.error.radius', { choices: DIRECTORY_RADII.join(', ') })

  const pageText = first(raw.page) ?? ''
  const page = /^\d{1,4}$/.test(pageText) ? Number(pageText) : pageText === '' ? 1 : Number.NaN
  if (!(page >= 1 && page <= DIRECTORY_PAGE_MAX)) issue('page', 'directory.error.page')

  if (issues.length > 0) return { issues }
  return {
    query: {
      words,
      kind: aidType ? 'aid-structure' : kind,
      aidType,
      commune,
      radiusKm: radius ?? DEFAULT_RADIUS,
      page,
    },
  }
}

/** The address of a directory search, for the pages before and after. */
export function directoryHref(query: DirectoryQuery, page = query.page): string {
  const params = new URLSearchParams()
  if (query.words) params.set('words', query.words)
  if (query.kind) params.set('kind', query.kind)
  if (query.aidType) params.set('aidType', query.aidType)
  if (query.commune) {
    params.set('commune', query.commune)
    params.set('radiusKm', String(query.radiusKm))
  }
  if (page > 1) params.set('page', String(page))
  const text = params.toString()
  return text ? `/organisations?${text}` : '/organisations'
}
