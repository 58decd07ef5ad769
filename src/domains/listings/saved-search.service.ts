import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { requireScope } from '../../platform/auth/scopes.ts'
import { hmac, sha256 } from '../../platform/auth/secrets.ts'
import { communeLabel } from '../../platform/geo/commune.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { Translate } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { ValidationError } from '../../platform/validation.ts'
import type { Urgency } from './listing.schema.ts'
import {
  categoryIdsOf,
  categorySlugsOf,
  countSavedSearches,
  deleteOwnSavedSearch,
  deleteSavedSearchById,
  findSavedSearchByTokenHash,
  insertSavedSearch,
  listSavedSearches,
  type SavedSearchRow,
} from './saved-search.repository.ts'
import { type AlertFrequency, alertFrequencies } from './saved-search.schema.ts'
import { type RadiusKm, type SearchKind, type SearchQuery, searchHref } from './search.ts'

/** Enough for every interest of a person; more is a script. */
export const SAVED_SEARCHES_MAX = 20

export interface SavedSearchView {
  id: string
  kind: SearchKind | null
  categories: string[]
  words: string | null
  commune: { insee: string; name: string } | null
  radiusKm: number | null
  urgency: Urgency | null
  frequency: AlertFrequency
  createdAt: Date
  /** the search page showing its listings */
  href: string
}

/** The unsubscribe token of one alert: derived from its id with the app's secret, so it is never stored, only its hash. */
export function unsubscribeToken(secret: string, savedSearchId: string): string {
  return hmac(secret, 'alert-unsubscribe', savedSearchId)
}

/** « “ordinateur” – Aide informatique, à moins de 10 km de Lisieux » */
export function describeSavedSearch(
  view: SavedSearchView,
  t: Translate,
  categoryNames: string[] = [],
): string {
  const parts: string[] = []
  if (view.words) parts.push(t('alerts.summary.words', { words: view.words }))
  if (categoryNames.length > 0) parts.push(categoryNames.join(', '))
  if (view.commune && view.radiusKm)
    parts.push(t('alerts.summary.around', { km: view.radiusKm, commune: view.commune.name }))
  return parts.length > 0 ? parts.join(' – ') : t('alerts.summary.all')
}

export class SavedSearchService {
  constructor(private readonly services: AppServices) {}

  async list(actor: Actor | null, territory: Territory): Promise<SavedSearchView[]> {
    const me = signedIn(actor)
    requireScope(me, 'profile:read')
    const rows = await listSavedSearches(this.services.database.db, territory.id, me.accountId)
    return Promise.all(rows.map((row) => this.present(territory, row)))
  }

  /** « Créer une alerte » from a search: its filters, with the commune and categories resolved now. */
  async create(
    actor: Actor | null,
    territory: Territory,
    query: Omit<SearchQuery, 'cursor' | 'sort'>,
    frequencyText: string,
  ): Promise<SavedSearchView> {
    const me = signedIn(actor)
    requireScope(me, 'profile:write')
    const { db } = this.services.database
    const frequency = (alertFrequencies as readonly string[]).includes(frequencyText)
      ? (frequencyText as AlertFrequency)
      : null
    if (!frequency) throw new ValidationError([{ field: 'frequency', key: 'alerts.error.frequency' }])
    if ((await countSavedSearches(db, me.accountId)) >= SAVED_SEARCHES_MAX)
      throw new ValidationError([
        { field: 'frequency', key: 'alerts.error.tooMany', params: { max: SAVED_SEARCHES_MAX } },
      ])
    const categoryIds = await categoryIdsOf(db, territory.id, query.categories)
    if (categoryIds.length < query.categories.length)
      throw new ValidationError([{ field: 'categories', key: 'search.error.categories' }])
    let communeInsee: string | null = null
    if (query.commune) {
      const resolved = await this.services.communes.resolve(territory, query.commune)
      if (resolved.kind === 'none')
        throw new ValidationError([{ field: 'commune', key: 'search.error.communeUnknown' }])
      communeInsee = resolved.kind === 'one' ? resolved.commune.insee : resolved.communes[0]!.insee
    }
    const id = this.services.ids()
    const row: SavedSearchRow = {
      id,
      territoryId: territory.id,
      accountId: me.accountId,
      kind: query.kind,
      categoryIds,
      words: query.words,
      communeInsee,
      radiusKm: communeInsee ? (query.radiusKm ?? 10) : null,
      urgency: query.urgency,
      frequency,
      unsubscribeTokenHash: sha256(unsubscribeToken(this.services.config.appSecret, id)),
      // Alerts cover what is published from now on, not the listings already there.
      lastNotifiedAt: this.services.clock.now(),
      createdAt: this.services.clock.now(),
    }
    await insertSavedSearch(db, row)
    return this.present(territory, row)
  }

  async delete(actor: Actor | null, territory: Territory, id: string): Promise<void> {
    const me = signedIn(actor)
    requireScope(me, 'profile:write')
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new HttpError(404)
    const done = await deleteOwnSavedSearch(this.services.database.db, {
      id,
      territoryId: territory.id,
      accountId: me.accountId,
    })
    if (!done) throw new HttpError(404)
  }

  /** The alert a one-click link names, in the territory of the request; the token does nothing else. */
  async byToken(territory: Territory, token: string): Promise<SavedSearchView | null> {
    if (!/^[\w-]{20,100}$/.test(token)) return null
    const row = await findSavedSearchByTokenHash(this.services.database.db, sha256(token))
    return row && row.territoryId === territory.id ? this.present(territory, row) : null
  }

  async unsubscribe(territory: Territory, token: string): Promise<boolean> {
    const found = await this.byToken(territory, token)
    if (!found) return false
    await deleteSavedSearchById(this.services.database.db, found.id)
    return true
  }

  async present(territory: Territory, row: SavedSearchRow): Promise<SavedSearchView> {
    const commune = row.communeInsee ? await this.services.communes.find(territory, row.communeInsee) : null
    const categories = await categorySlugsOf(this.services.database.db, row.categoryIds)
    const query = {
      kind: row.kind,
      categories,
      commune: commune ? communeLabel(commune) : '',
      radiusKm: (row.radiusKm as RadiusKm | null) ?? null,
      words: row.words,
      urgency: row.urgency,
      sort: 'newest' as const,
    }
    return {
      id: row.id,
      kind: row.kind,
      categories,
      words: row.words,
      commune: commune ? { insee: commune.insee, name: commune.name } : null,
      radiusKm: row.radiusKm,
      urgency: row.urgency,
      frequency: row.frequency,
      createdAt: row.createdAt,
      href: searchHref(query),
    }
  }
}
