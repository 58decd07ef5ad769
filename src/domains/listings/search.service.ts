import type { Commune } from '../../platform/geo/commune.ts'
import { roundKm } from '../../platform/geo/distance.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import { ValidationError } from '../../platform/validation.ts'
import type { ListingKind, Urgency } from './listing.schema.ts'
import { type SearchFilter, type SearchRow, searchListings } from './search.repository.ts'
import {
  type Cursor,
  effectiveSort,
  encodeCursor,
  PAGE_SIZE,
  type RadiusKm,
  type SearchQuery,
  type Sort,
} from './search.ts'
import type { MissionHit, MissionSearchFilter, MissionSort, MissionsInSearch } from './search-missions.ts'

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
  /** passed on by the phone line: no author's name to show */
  relayed: boolean
  /** the commune's point, rounded to about a kilometre, for the map */
  point: { latitude: number; longitude: number }
}

/** A mission in a list: the organisation's name and the commune, never the address. */
export interface MissionResult {
  id: string
  title: string
  organisation: { name: string }
  commune: { insee: string; name: string | null }
  /** km from the centre of the search, rounded to 0.1; null without a centre */
  distanceKm: number | null
  /** the soonest slot to come with a place left */
  nextSlot: { startsAt: Date; placesLeft: number }
  publishedAt: Date
}

/** How many missions the page « tous types » shows beside the asks and offers. */
export const MISSIONS_BLOCK = 3

export interface SearchPage {
  results: SearchResult[]
  /** kind « mission »: the page of missions; no kind: the few that match best (first page only) */
  missions: MissionResult[]
  nextCursor: string | null
  sort: Sort
  centre: Commune | null
  radiusKm: RadiusKm | null
  /** no listing had the words as typed: the close words searched instead, else null */
  correctedWords: string[] | null
  /** the search as it ran, defaults filled in (the radius around a commune) */
  query: Omit<SearchQuery, 'cursor'>
  /** the circle held fewer than FEW_RESULTS: how many more match outside it (up to BEYOND_MAX, `most` past it) */
  beyond: { count: number; most: boolean } | null
}

/** Below this many results in a circle, the page says how many lie further away. */
export const FEW_RESULTS = 5

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
    relayed: row.relayed,
    point: { latitude: round2(row.latitude), longitude: round2(row.longitude) },
  }
}

export function presentMission(hit: MissionHit): MissionResult {
  return {
    id: hit.id,
    title: hit.title,
    organisation: { name: hit.organisationName },
    commune: hit.commune,
    distanceKm: hit.distanceM === null ? null : roundKm(hit.distanceM / 1000),
    nextSlot: hit.nextSlot,
    publishedAt: hit.publishedAt,
  }
}

/** Browse and search: open to everyone, so it reads only published listings of the territory. */
export class SearchService {
  constructor(
    private readonly services: AppServices,
    /** what missions hand in (src/modules.ts); without it the search knows asks and offers only */
    private readonly missions: MissionsInSearch | null = null,
  ) {}

  async search(
    territory: Territory,
    query: SearchQuery,
    locale: Locale,
    limit = PAGE_SIZE,
  ): Promise<SearchPage> {
    const { centre, radiusKm, commune } = await this.#centre(territory, query)
    const sort = effectiveSort(query.sort, query.words !== null, centre !== null)
    // A cursor made for another order cannot continue this one: start again from the top.
    const cursor = query.cursor?.sort === sort ? query.cursor : null
    const now = this.services.clock.now()
    const missionFilter: MissionSearchFilter = {
      territoryId: territory.id,
      words: query.words,
      categories: query.categories,
      centre,
      radiusKm,
      now,
    }
    // Missions have no urgency: that order reads them newest first.
    const missionSort: MissionSort = sort === 'urgency' ? 'newest' : sort
    const common = { sort, centre, radiusKm, query: { ...query, commune, radiusKm } }
    if (query.kind === 'mission') {
      const own = query.cursor?.sort === missionSort ? query.cursor : null
      const hits = this.missions
        ? await this.missions.search(missionFilter, {
            sort: missionSort,
            after: own ? { value: own.values[0]!, id: own.id } : null,
            limit: limit + 1,
          })
        : []
      const page = hits.slice(0, limit)
      const last = page[page.length - 1]
      return {
        ...common,
        results: [],
        missions: page.map((h) => presentMission(h)),
        nextCursor:
          hits.length > limit && last
            ? encodeCursor({ sort: missionSort, values: [last.sortValue], id: last.id })
            : null,
        correctedWords: null,
        beyond: null,
      }
    }
    const filter: SearchFilter = {
      territoryId: territory.id,
      kind: query.kind,
      categories: query.categories,
      words: query.words,
      centre,
      radiusKm,
      urgency: query.urgency,
      now,
    }
    // Without a kind, the first page shows a few missions too: their one statement goes out with
    // the listings' (on a pool they run side by side). Asks or offers alone never ask missions.
    const block = query.kind === null && query.cursor === null && this.missions
    const [{ rows, corrected, beyond }, hits] = await Promise.all([
      searchListings(this.services.database.db, filter, {
        sort,
        cursor,
        limit: limit + 1,
        beyondBelow: FEW_RESULTS,
      }),
      block
        ? this.missions!.search(missionFilter, { sort: missionSort, after: null, limit: MISSIONS_BLOCK })
        : [],
    ])
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    return {
      ...common,
      results: page.map((row) => presentResult(row, locale)),
      missions: hits.map((h) => presentMission(h)),
      nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(sort, last)) : null,
      correctedWords: corrected,
      beyond: beyond ?? null,
    }
  }

  /**
   * The centre: the commune typed. Without one the search covers the whole territory, for a
   * signed-in person too: a circle applied without being asked hid most listings, and the page
   * could not say why.
   */
  async #centre(
    territory: Territory,
    query: SearchQuery,
  ): Promise<{ centre: Commune | null; radiusKm: RadiusKm | null; commune: string | null }> {
    const text = query.commune
    const radius = query.radiusKm
    if (!text) return { centre: null, radiusKm: null, commune: text }
    const resolved = await this.services.communes.resolve(territory, text)
    if (resolved.kind === 'none')
      throw new ValidationError([{ field: 'commune', key: 'search.error.communeUnknown' }])
    // Several communes share a name: the most populous is the one people usually mean.
    const centre = resolved.kind === 'one' ? resolved.commune : resolved.communes[0]!
    return { centre, radiusKm: radius ?? DEFAULT_RADIUS, commune: text }
  }
}
