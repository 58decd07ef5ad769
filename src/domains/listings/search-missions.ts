import type { AppServices } from '../../platform/services.ts'

/**
 * What the search needs of missions for volunteers. Missions build on listings, so they implement
 * this and src/modules.ts hands it in (`listingsModule({ missions })`); listings never import them.
 * Each call is one statement, so that the page « tous types » costs one more, sent with the rest.
 */
export interface MissionSearchFilter {
  territoryId: string
  words: string | null
  /** slugs or ids of the territory's categories; empty: all */
  categories: string[]
  centre: { latitude: number; longitude: number } | null
  /** with a centre only */
  radiusKm: number | null
  now: Date
}

/** Missions have no urgency: the urgency order reads them newest first. */
export type MissionSort = 'relevance' | 'distance' | 'newest'

/** Where the next page of missions starts: the last one's sort value and id. */
export interface MissionAfter {
  value: number
  id: string
}

/**
 * A mission as a stranger may see it in a list: its commune, never its address. Only published
 * missions of verified organisations with a place left on a slot to come are found.
 */
export interface MissionHit {
  id: string
  title: string
  organisationName: string
  commune: { insee: string; name: string | null }
  /** metres from the centre; null without one */
  distanceM: number | null
  /** the soonest slot to come with a place left, and how many places it has left */
  nextSlot: { startsAt: Date; placesLeft: number }
  publishedAt: Date
  /** the commune's point */
  latitude: number
  longitude: number
  /** what the order sorted on (relevance, metres or publication ms), for the cursor */
  sortValue: number
}

export interface MissionsInSearch {
  /** A page of the missions that match, in this order, after the cursor. */
  search(
    filter: MissionSearchFilter,
    order: { sort: MissionSort; after: MissionAfter | null; limit: number },
  ): Promise<MissionHit[]>
  /** The missions published after `since` that match a saved search (alerts), newest first. */
  publishedSince(
    filter: MissionSearchFilter,
    since: Date,
    options: { missionId?: string; limit: number },
  ): Promise<MissionHit[]>
  /** The territory of a mission and who posted it, for the alerts of its publication; null if not published. */
  forAlerts(missionId: string): Promise<{ territoryId: string; createdBy: string | null } | null>
}

export type MissionsSlot = (services: AppServices) => MissionsInSearch
