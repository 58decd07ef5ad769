import type { AppServices } from '../../platform/services.ts'
import type { MissionHit, MissionSearchFilter, MissionsInSearch } from '../listings/index.ts'
import { type MissionSearchRow, missionForAlerts, searchMissions } from './mission-search.repository.ts'

function hit(row: MissionSearchRow, value: number): MissionHit {
  return {
    id: row.id,
    title: row.title,
    organisationName: row.organisationName,
    commune: { insee: row.communeInsee, name: row.communeName },
    distanceM: row.distanceM,
    nextSlot: { startsAt: row.nextStartsAt, placesLeft: row.placesLeft },
    publishedAt: row.publishedAt,
    latitude: row.latitude,
    longitude: row.longitude,
    sortValue: value,
  }
}

/**
 * Missions in the common search and in saved-search alerts: what listings ask through
 * MissionsInSearch, which src/modules.ts hands them. Open to everyone, as the search page is, so
 * it reads only what a stranger may see.
 */
export const missionSearch = (services: AppServices): MissionsInSearch => {
  const { db } = services.database

  /** Category slugs or ids to ids, from the cache the pages already keep; null: one names none. */
  const categoryIds = async (filter: MissionSearchFilter): Promise<string[] | null> => {
    if (filter.categories.length === 0) return []
    const all = await services.categoryCache.list(filter.territoryId, { activeOnly: false })
    const ids = all.filter((c) => filter.categories.includes(c.slug) || filter.categories.includes(c.id))
    return ids.length === 0 ? null : ids.map((c) => c.id)
  }

  const where = async (filter: MissionSearchFilter) => {
    const ids = await categoryIds(filter)
    if (!ids) return null
    return {
      territoryId: filter.territoryId,
      words: filter.words,
      categoryIds: ids,
      centre: filter.centre,
      metres: filter.centre && filter.radiusKm ? filter.radiusKm * 1000 : null,
      now: filter.now,
    }
  }

  return {
    async search(filter, order) {
      const base = await where(filter)
      if (!base) return []
      const sort =
        order.sort === 'relevance' && filter.words
          ? 'relevance'
          : order.sort === 'distance' && filter.centre
            ? 'distance'
            : 'newest'
      const rows = await searchMissions(db, base, { sort, after: order.after }, order.limit)
      return rows.map((r) =>
        hit(
          r,
          sort === 'relevance'
            ? (r.score ?? 0)
            : sort === 'distance'
              ? (r.distanceM ?? 0)
              : r.publishedAt.getTime(),
        ),
      )
    },

    async publishedSince(filter, since, options) {
      const base = await where(filter)
      if (!base) return []
      const rows = await searchMissions(
        db,
        { ...base, publishedAfter: since, ...(options.missionId ? { missionId: options.missionId } : {}) },
        { sort: 'newest', after: null },
        options.limit,
      )
      return rows.map((r) => hit(r, r.publishedAt.getTime()))
    },

    forAlerts: (missionId) => missionForAlerts(db, missionId),
  }
}
