import { type Actor, can } from '../../platform/auth/actor.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { roundKm } from '../../platform/geo/distance.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isUuid, ValidationError } from '../../platform/validation.ts'
import { type OrganisationCard, organisationCards, roleIn } from '../organisations/index.ts'
import { clearHomeHighlight, homeHighlight, setHomeHighlight } from '../territories/index.ts'
import { findProfile, listPlaces, listProducts } from './producer.repository.ts'
import type { ProducerLabel, ProductFamily, SalesMode } from './producer.schema.ts'
import { openTodayUntil, parisNow } from './producer.ts'
import { listPhotos } from './producer-photo.repository.ts'
import { type ProducerQuery, SEARCH_PAGE_SIZE } from './producer-query.ts'
import { searchProducers } from './producer-search.repository.ts'

/** What anyone may see of a producer in the directory. */
export interface ProducerEntry {
  id: string
  name: string
  commune: { insee: string; name: string } | null
  families: ProductFamily[]
  labels: ProducerLabel[]
  modes: SalesMode[]
  distanceKm: number | null
  /** « 18:00 »: open today until then; null when not open today any more */
  openUntil: string | null
  /** the place's commune point, rounded to about a kilometre, for the map */
  point: { latitude: number; longitude: number } | null
}

const round2 = (x: number) => Math.round(x * 100) / 100
/** The most producers one open-data file holds; far past any département's. */
export const OPEN_DATA_MAX = 5000

/** The public directory of verified producers, their pages, the open data and the home page's highlight. */
export class ProducerDirectoryService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** Paris weekday and time by the app's clock, which tests set. */
  now() {
    return parisNow(this.services.clock.now())
  }

  async search(territory: Territory, query: ProducerQuery) {
    const centre = await this.#centre(territory, query.commune)
    const { rows, total } = await searchProducers(
      this.#db,
      {
        territoryId: territory.id,
        words: query.words,
        family: query.family,
        mode: query.mode,
        centre,
        radiusKm: centre ? query.radiusKm : null,
        openAt: query.openToday ? this.now() : null,
      },
      { offset: (query.page - 1) * SEARCH_PAGE_SIZE, limit: SEARCH_PAGE_SIZE },
    )
    // « Ouvert aujourd'hui » is said of every result, ticked or not.
    const open = query.openToday ? null : await this.#openUntil(rows.map((r) => r.id))
    const entries: ProducerEntry[] = await Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        name: r.name,
        commune: r.place ? await this.#commune(territory, r.place.communeInsee) : null,
        families: r.families,
        labels: r.labels,
        modes: r.modes,
        distanceKm: r.distanceM === null ? null : roundKm(r.distanceM / 1000),
        openUntil: open ? (open.get(r.id) ?? null) : r.openUntil,
        point: r.place ? { latitude: round2(r.place.latitude), longitude: round2(r.place.longitude) } : null,
      })),
    )
    return { entries, total, pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)), centre }
  }

  /**
   * A producer's public page: verified ones for everyone; a pending one for its members and the
   * territory's staff only (as a preview); 404 otherwise and for any other kind.
   */
  async producer(actor: Actor | null, territory: Territory, id: string) {
    if (!isUuid(id)) throw notFound()
    const card = (await organisationCards(this.#db, territory.id, [id])).get(id)
    if (!card || card.kind !== 'producer') throw notFound()
    if (card.status !== 'verified') {
      const insider = can(actor, 'staff:area') || (actor && (await roleIn(this.#db, id, actor.accountId)))
      if (!insider) throw notFound()
    }
    const [profile, products, places, photos] = await Promise.all([
      findProfile(this.#db, territory.id, id),
      listProducts(this.#db, [id]),
      listPlaces(this.#db, [id]),
      listPhotos(this.#db, [id]),
    ])
    const communes = new Map<string, { insee: string; name: string }>()
    for (const p of places) communes.set(p.communeInsee, await this.#commune(territory, p.communeInsee))
    return {
      card,
      commune: await this.#commune(territory, card.communeInsee),
      profile,
      products,
      places: places.map((p) => ({ ...p, commune: communes.get(p.communeInsee)! })),
      photos,
      today: this.now(),
    }
  }

  /** Every verified producer with what the open data says of it, by name. */
  async openData(territory: Territory) {
    const { rows } = await searchProducers(
      this.#db,
      {
        territoryId: territory.id,
        words: null,
        family: null,
        mode: null,
        centre: null,
        radiusKm: null,
        openAt: null,
      },
      { offset: 0, limit: OPEN_DATA_MAX },
    )
    const ids = rows.map((r) => r.id)
    const [cards, products] = await Promise.all([
      organisationCards(this.#db, territory.id, ids),
      listProducts(this.#db, ids),
    ])
    return Promise.all(
      rows.map(async (r) => {
        const card = cards.get(r.id) as OrganisationCard
        const updated = r.updatedAt > card.updatedAt ? r.updatedAt : card.updatedAt
        return {
          id: r.id,
          name: r.name,
          commune: await this.#commune(territory, card.communeInsee),
          families: r.families,
          labels: r.labels,
          modes: r.modes,
          products: products.filter((p) => p.organisationId === r.id).map((p) => p.name),
          contact: card.contact,
          updatedAt: updated,
        }
      }),
    )
  }

  async highlighted(territory: Territory): Promise<boolean> {
    return (await homeHighlight(this.#db, territory.id))?.source === 'producers'
  }

  /** Staff with `home:highlight` put the directory on the home page, in place of anything else; audited. */
  async highlight(actor: Actor | null, territory: Territory, on: boolean): Promise<void> {
    if (!actor || !can(actor, 'home:highlight')) throw new HttpError(403, 'forbidden')
    const now = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      if (on) {
        await setHomeHighlight(tx, territory.id, {
          source: 'producers',
          title: 'Producteurs locaux',
          text: 'Fermes et artisans du territoire : ce qu’ils produisent, où et quand les trouver.',
          href: '/producteurs',
          setBy: actor.accountId,
          setAt: now,
        })
      } else if (!(await clearHomeHighlight(tx, territory.id, 'producers'))) return
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: actor.accountId,
          action: on ? 'producer.highlighted' : 'producer.highlight-removed',
        },
        tx,
      )
    })
  }

  async #openUntil(ids: string[]): Promise<Map<string, string>> {
    const now = this.now()
    const places = await listPlaces(this.#db, ids)
    const until = new Map<string, string>()
    for (const id of ids) {
      const found = openTodayUntil(
        places.filter((p) => p.organisationId === id).flatMap((p) => p.hours),
        now,
      )
      if (found) until.set(id, found)
    }
    return until
  }

  async #commune(territory: Territory, insee: string) {
    return { insee, name: (await this.services.communes.find(territory, insee))?.name ?? insee }
  }

  async #centre(territory: Territory, text: string): Promise<Commune | null> {
    if (!text) return null
    const resolved = await this.services.communes.resolve(territory, text)
    if (resolved.kind === 'none')
      throw new ValidationError([{ field: 'commune', key: 'producers.error.searchCommune' }])
    return resolved.kind === 'one' ? resolved.commune : resolved.communes[0]!
  }
}
