import type { Actor } from '../../platform/auth/actor.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { type Listing, waitingAsksOf } from '../listings/index.ts'
import { answeredListings } from '../matches/index.ts'
import { coordinator } from './access.ts'
import { ageHours, compareAsks, isUrgent } from './ask-time.ts'
import { pendingCounts, setDispatchDelay } from './dispatch.repository.ts'
import { categoriesById } from './ranking.ts'

const HOUR_MS = 3_600_000
/** How many asks the list reads at most; the oldest come first, and a Département's backlog is far below. */
const LIST_LIMIT = 2000
export const DELAY_MIN = 1
export const DELAY_MAX = 720

export interface UnansweredRow {
  listingId: string
  title: string
  categoryId: string
  categoryName: string
  communeInsee: string
  communeName: string
  relayed: boolean
  urgent: boolean
  ageHours: number
  /** proposals waiting for an answer */
  inFlight: number
}

export interface UnansweredFilters {
  categoryId?: string | undefined
  communeInsee?: string | undefined
}

/**
 * The asks nobody answered: published longer than the territory's delay, and every relayed ask
 * at once; minus those that got a response (an accepted proposal is one). A declined or expired
 * proposal leaves its ask here, as it never left.
 */
export async function waitingAsks(services: AppServices, territory: Territory): Promise<Listing[]> {
  const { db } = services.database
  const now = services.clock.now()
  const cutoff = new Date(now.getTime() - territory.dispatchDelayHours * HOUR_MS)
  const asks = await waitingAsksOf(db, territory.id, cutoff, LIST_LIMIT)
  const answered = await answeredListings(
    db,
    asks.map((a) => a.id),
  )
  return asks.filter((a) => !answered.has(a.id)).sort(compareAsks(now))
}

export class UnansweredService {
  constructor(private readonly services: AppServices) {}

  async list(
    actor: Actor | null,
    territory: Territory,
    locale: Locale,
    filters: UnansweredFilters = {},
  ): Promise<UnansweredRow[]> {
    coordinator(actor, 'dispatch:read')
    const now = this.services.clock.now()
    const asks = (await waitingAsks(this.services, territory)).filter(
      (a) =>
        (!filters.categoryId || a.categoryId === filters.categoryId) &&
        (!filters.communeInsee || a.communeInsee === filters.communeInsee),
    )
    const [categories, inFlight] = await Promise.all([
      categoriesById(this.services, territory.id),
      pendingCounts(
        this.services.database.db,
        territory.id,
        asks.map((a) => a.id),
      ),
    ])
    const names = new Map<string, string>()
    for (const insee of new Set(asks.map((a) => a.communeInsee)))
      names.set(insee, (await this.services.communes.find(territory, insee))?.name ?? insee)
    return asks.map((a) => {
      const category = categories.get(a.categoryId)
      return {
        listingId: a.id,
        title: a.title,
        categoryId: a.categoryId,
        categoryName: category ? localised(category.name, locale) : '',
        communeInsee: a.communeInsee,
        communeName: names.get(a.communeInsee) ?? a.communeInsee,
        relayed: a.relayed,
        urgent: isUrgent(a, now),
        ageHours: ageHours(a, now),
        inFlight: inFlight.get(a.id) ?? 0,
      }
    })
  }

  /** The delay before an ask is listed, 1 to 720 hours; audited, and every process sees it at once. */
  async setDelay(
    actor: Actor | null,
    territory: Territory,
    raw: unknown,
  ): Promise<{ kind: 'saved' } | { kind: 'invalid'; issues: Issue[] }> {
    const me = coordinator(actor, 'dispatch:write')
    const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : ''
    const hours = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN
    if (!Number.isInteger(hours) || hours < DELAY_MIN || hours > DELAY_MAX)
      return {
        kind: 'invalid',
        issues: [
          { field: 'delay', key: 'dispatch.delay.invalid', params: { min: DELAY_MIN, max: DELAY_MAX } },
        ],
      }
    const now = this.services.clock.now()
    await this.services.database.db.transaction(async (tx) => {
      await setDispatchDelay(tx, territory.id, hours, now)
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'dispatch.settings-changed',
          details: { from: territory.dispatchDelayHours, to: hours },
        },
        tx,
      )
    })
    this.services.tenancy.forget()
    return { kind: 'saved' }
  }
}
