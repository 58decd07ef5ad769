import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { managedOrganisation, type OrganisationRef } from '../organisations/index.ts'
import {
  clearProductsAndPlaces,
  countOf,
  deletePlace,
  deleteProduct,
  findProfile,
  insertPlace,
  insertProduct,
  listPlaces,
  listProducts,
  moveProduct,
  refreshFamilies,
  saveProfile,
  updatePlace,
  updateProduct,
} from './producer.repository.ts'
import {
  checkLabels,
  checkText,
  PLACES_MAX,
  type PlaceInput,
  PRESENTATION_MAX,
  PRODUCTS_MAX,
  type ProductInput,
} from './producer.ts'
import { listPhotos } from './producer-photo.repository.ts'

export type Saved = { kind: 'saved'; id: string } | { kind: 'invalid'; issues: Issue[] }

/** How the commune of a place was given: typed in the form's field, or an INSEE code (API). */
export type CommuneGiven = { text: string } | { insee: string }

/**
 * A producer's page as its managers fill it: presentation and labels, products, sales places with
 * their hours. Only the managers of an organisation of kind « producer » may; anyone else gets 404.
 * Each change is audited in the transaction that makes it.
 */
export class ProducerService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** The producer the actor manages, or 404 alike for one that does not exist and one not theirs. */
  async managed(actor: Actor | null, territory: Territory, id: string): Promise<OrganisationRef> {
    const me = signedIn(actor, 'organisations:write')
    const organisation = isUuid(id)
      ? await managedOrganisation(this.#db, territory.id, id, me.accountId)
      : null
    if (!organisation || organisation.kind !== 'producer') throw notFound()
    return organisation
  }

  async page(actor: Actor | null, territory: Territory, id: string) {
    const organisation = await this.managed(actor, territory, id)
    const [profile, products, places, photos] = await Promise.all([
      findProfile(this.#db, territory.id, organisation.id),
      listProducts(this.#db, [organisation.id]),
      listPlaces(this.#db, [organisation.id]),
      listPhotos(this.#db, [organisation.id]),
    ])
    return { organisation, profile, products, places, photos }
  }

  async saveProfile(
    actor: Actor | null,
    territory: Territory,
    id: string,
    raw: { presentation: unknown; labels: readonly unknown[] },
  ): Promise<Saved> {
    const organisation = await this.managed(actor, territory, id)
    const issues: Issue[] = []
    // No money-wording check here: a producer says « 3 € la douzaine » if it likes; sales are off the platform.
    const presentation = checkText(issues, 'presentation', raw.presentation, PRESENTATION_MAX, null)
    const labels = checkLabels(issues, 'labels', raw.labels)
    if (issues.length > 0) return { kind: 'invalid', issues }
    await this.#change(actor!, territory, organisation, 'profile', async (tx, now) => {
      await saveProfile(tx, {
        organisationId: organisation.id,
        territoryId: territory.id,
        presentation,
        labels,
        updatedAt: now,
      })
    })
    return { kind: 'saved', id: organisation.id }
  }

  async addProduct(
    actor: Actor | null,
    territory: Territory,
    id: string,
    input: ProductInput,
  ): Promise<Saved> {
    const organisation = await this.managed(actor, territory, id)
    if ((await countOf(this.#db, organisation.id)).products >= PRODUCTS_MAX)
      return {
        kind: 'invalid',
        issues: [{ field: 'name', key: 'producers.error.tooManyProducts', params: { max: PRODUCTS_MAX } }],
      }
    const productId = this.services.ids()
    await this.#change(actor!, territory, organisation, 'product', async (tx, now) => {
      await insertProduct(tx, { ...input, id: productId, organisationId: organisation.id, createdAt: now })
    })
    return { kind: 'saved', id: productId }
  }

  async editProduct(
    actor: Actor | null,
    territory: Territory,
    id: string,
    productId: string,
    input: ProductInput,
  ) {
    const organisation = await this.managed(actor, territory, id)
    if (!isUuid(productId)) throw notFound()
    await this.#change(actor!, territory, organisation, 'product', async (tx) => {
      if (!(await updateProduct(tx, organisation.id, productId, input))) throw notFound()
    })
  }

  async removeProduct(actor: Actor | null, territory: Territory, id: string, productId: string) {
    const organisation = await this.managed(actor, territory, id)
    if (!isUuid(productId)) throw notFound()
    await this.#change(actor!, territory, organisation, 'product', async (tx) => {
      if (!(await deleteProduct(tx, organisation.id, productId))) throw notFound()
    })
  }

  async moveProduct(actor: Actor | null, territory: Territory, id: string, productId: string, up: boolean) {
    const organisation = await this.managed(actor, territory, id)
    if (!isUuid(productId)) throw notFound()
    await this.#change(actor!, territory, organisation, 'product', async (tx) => {
      await moveProduct(tx, organisation.id, productId, up)
    })
  }

  /** The commune of a place among the territory's, or the issue that says why not. */
  async commune(
    territory: Territory,
    given: CommuneGiven,
    issues: Issue[],
    field = 'commune',
  ): Promise<Commune | null> {
    if ('insee' in given) {
      const found = await this.services.communes.find(territory, given.insee)
      if (!found) issues.push({ field, key: 'producers.error.communeUnknown' })
      return found
    }
    const typed = given.text.trim()
    if (typed === '') {
      issues.push({ field, key: 'producers.error.communeRequired' })
      return null
    }
    const found = await this.services.communes.resolve(territory, typed)
    if (found.kind === 'one') return found.commune
    if (found.kind === 'many') issues.push({ field, key: 'producers.error.communeMany' })
    else issues.push({ field, key: 'producers.error.communeUnknown' })
    return null
  }

  async addPlace(
    actor: Actor | null,
    territory: Territory,
    id: string,
    input: PlaceInput,
    commune: Commune,
  ): Promise<Saved> {
    const organisation = await this.managed(actor, territory, id)
    if ((await countOf(this.#db, organisation.id)).places >= PLACES_MAX)
      return {
        kind: 'invalid',
        issues: [{ field: 'name', key: 'producers.error.tooManyPlaces', params: { max: PLACES_MAX } }],
      }
    const placeId = this.services.ids()
    await this.#change(actor!, territory, organisation, 'place', async (tx) => {
      await insertPlace(tx, this.services.ids, {
        ...this.#placeRow(input, commune),
        id: placeId,
        organisationId: organisation.id,
        territoryId: territory.id,
      })
    })
    return { kind: 'saved', id: placeId }
  }

  async editPlace(
    actor: Actor | null,
    territory: Territory,
    id: string,
    placeId: string,
    input: PlaceInput,
    commune: Commune,
  ) {
    const organisation = await this.managed(actor, territory, id)
    if (!isUuid(placeId)) throw notFound()
    await this.#change(actor!, territory, organisation, 'place', async (tx) => {
      if (
        !(await updatePlace(tx, this.services.ids, organisation.id, placeId, this.#placeRow(input, commune)))
      )
        throw notFound()
    })
  }

  async removePlace(actor: Actor | null, territory: Territory, id: string, placeId: string) {
    const organisation = await this.managed(actor, territory, id)
    if (!isUuid(placeId)) throw notFound()
    await this.#change(actor!, territory, organisation, 'place', async (tx) => {
      if (!(await deletePlace(tx, organisation.id, placeId))) throw notFound()
    })
  }

  /** The API's PUT: the whole page at once, checked before anything is written; photos are kept. */
  async replace(
    actor: Actor | null,
    territory: Territory,
    id: string,
    page: {
      presentation: string
      labels: ProductInput['labels']
      products: ProductInput[]
      places: { input: PlaceInput; commune: Commune }[]
    },
  ) {
    const organisation = await this.managed(actor, territory, id)
    await this.#change(actor!, territory, organisation, 'all', async (tx, now) => {
      await saveProfile(tx, {
        organisationId: organisation.id,
        territoryId: territory.id,
        presentation: page.presentation,
        labels: page.labels,
        updatedAt: now,
      })
      await clearProductsAndPlaces(tx, organisation.id)
      for (const product of page.products)
        await insertProduct(tx, {
          ...product,
          id: this.services.ids(),
          organisationId: organisation.id,
          createdAt: now,
        })
      for (const { input, commune } of page.places)
        await insertPlace(tx, this.services.ids, {
          ...this.#placeRow(input, commune),
          id: this.services.ids(),
          organisationId: organisation.id,
          territoryId: territory.id,
        })
    })
    return organisation
  }

  #placeRow(input: PlaceInput, commune: Commune) {
    // The pin is the commune's point: a farm's street address is never placed on a map.
    return { ...input, communeInsee: commune.insee, latitude: commune.latitude, longitude: commune.longitude }
  }

  /** The change, the profile it hangs on, the families kept from the products and the audit entry: one transaction. */
  async #change(
    me: Actor,
    territory: Territory,
    organisation: OrganisationRef,
    what: 'profile' | 'product' | 'place' | 'photo' | 'all',
    run: (tx: DbOrTx, now: Date) => Promise<void>,
  ) {
    const now = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      await saveProfile(tx, { organisationId: organisation.id, territoryId: territory.id, updatedAt: now })
      await run(tx, now)
      await refreshFamilies(tx, organisation.id, now)
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'producer.changed',
          targetId: organisation.id,
          details: { what },
        },
        tx,
      )
    })
  }
}
