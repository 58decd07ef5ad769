import type { Actor } from '../../platform/auth/actor.ts'
import { type Commune, communeLabel } from '../../platform/geo/commune.ts'
import { roundKm } from '../../platform/geo/distance.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import { ValidationError } from '../../platform/validation.ts'
import { accountCard } from '../accounts/index.ts'
import type { ListingKind, Urgency } from './listing.schema.ts'
import { type SearchFilter, type SearchRow, searchListings } from './search.repository.ts'
import {
  type Cursor,
  effectiveSort,
  encodeCursor,
  PAGE_SIZE,
  RADII,
  type RadiusKm,
  type SearchQuery,
  type Sort,
} from './search.ts'

/**
 * What a stranger may see of a listing in a list: no address, no phone, no email — the commune
 * only, and the author's display name.
 */
export interface SearchResult {
  id: string
  kind: ListingKind
  title: string
  category: { slug: string; name: string }
  commune: { insee: string; name: string | null }
  /** km from the centre of the search, rounded to 0.1; null without a centre */
  distanceKm: number | null
  publishedAt: Date
  urgency: Urgency | null
  author: { displayName: string }
  /** the commune's point, rounded to about a kilometre, for the map */
  point: { latitude: number; longitude: number }
}

export interface SearchPage {
  results: SearchResult[]
  nextCursor: string | null
  sort: Sort
  centre: Commune | null
  radiusKm: RadiusKm | null
  /** no listing had the words as typed: the close words searched instead, else null */
  correctedWords: string[] | null
  /** the search as it ran, defaults filled in (the commune of the profile, its radius) */
  query: Omit<SearchQuery, 'cursor'>
}

const DEFAULT_RADIUS: RadiusKm = 10
const round2 = (x: number) => Math.round(x * 100) / 100

export function cursorOf(sort: Sort, row: SearchRow): Cursor {
  const published = row.publishedAt.getTime()
  switch (sort) {
    case 'relevance':
      return { sort, values: [row.score ?? 0], id: row.id }
    case 'distance':
      return { sort, values: [row.knn ?? 0], id: row.id }
    case 'urgency':
      return { sort, values: [row.urgencyRank, published], id: row.id }
    default:
      return { sort, values: [published], id: row.id }
  }
}

export function presentResult(row: SearchRow, locale: Locale): SearchResult {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    category: { slug: row.categorySlug, name: localised(row.categoryName, locale) },
    commune: { insee: row.communeInsee, name: row.communeName },
    distanceKm: row.distanceM === null ? null : roundKm(row.distanceM / 1000),
    publishedAt: row.publishedAt,
    urgency: row.urgency,
    author: { displayName: row.authorName },
    point: { latitude: round2(row.latitude), longitude: round2(row.longitude) },
  }
}

/** Browse and search: open to everyone, so it reads only published listings of the territory. */
export class SearchService {
  constructor(private readonly services: AppServices) {}

  async search(
    territory: Territory,
    actor: Actor | null,
    query: SearchQuery,
    locale: Locale,
    limit = PAGE_SIZE,
  ): Promise<SearchPage> {
    const { centre, radiusKm, commune } = await this.#centre(territory, actor, query)
    const sort = effectiveSort(query.sort, query.words !== null, centre !== null)
    // A cursor made for another order cannot continue this one: start again from the top.
    const cursor = query.cursor?.sort === sort ? query.cursor : null
    const filter: SearchFilter = {
      territoryId: territory.id,
      kind: query.kind,
      categories: query.categories,
      words: query.words,
      centre,
      radiusKm,
      urgency: query.urgency,
      now: this.services.clock.now(),
    }
    const { rows, corrected } = await searchListings(this.services.database.db, filter, {
      sort,
      cursor,
      limit: limit + 1,
    })
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return {
      results: page.map((row) => presentResult(row, locale)),
      nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(sort, last)) : null,
      sort,
      centre,
      radiusKm,
      correctedWords: corrected,
      query: { ...query, commune, radiusKm },
    }
  }

  /**
   * The centre: the commune typed, else (form never sent) the signed-in person's own commune
   * with their radius. An empty field means « the whole territory ».
   */
  async #centre(
    territory: Territory,
    actor: Actor | null,
    query: SearchQuery,
  ): Promise<{ centre: Commune | null; radiusKm: RadiusKm | null; commune: string | null }> {
    const text = query.commune
    let radius = query.radiusKm
    if (text === null && actor) {
      const account = await accountCard(this.services.database.db, actor.accountId)
      if (account) {
        const own = await this.services.communes.find(territory, account.communeInsee)
        if (own) {
          const profileRadius = account.radiusKm as RadiusKm
          radius ??= (RADII as readonly number[]).includes(profileRadius) ? profileRadius : DEFAULT_RADIUS
          return { centre: own, radiusKm: radius, commune: communeLabel(own) }
        }
      }
    }
    if (!text) return { centre: null, radiusKm: null, commune: text }
    const resolved = await this.services.communes.resolve(territory, text)
    if (resolved.kind === 'none')
      throw new ValidationError([{ field: 'commune', key: 'search.error.communeUnknown' }])
    // Several communes share a name: the most populous is the one people usually mean.
    const centre = resolved.kind === 'one' ? resolved.commune : resolved.communes[0]!
    return { centre, radiusKm: radius ?? DEFAULT_RADIUS, commune: text }
  }
}
