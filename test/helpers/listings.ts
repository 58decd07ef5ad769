import { insertCategories } from '../../src/domains/categories/category.repository.ts'
import type { Category } from '../../src/domains/categories/category.ts'
import { insertListing, updateListing } from '../../src/domains/listings/listing.repository.ts'
import { expiryFrom, type Listing } from '../../src/domains/listings/listing.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import type { TestApp } from './app.ts'

let counter = 0

/** Changes a stored listing directly, for a test that needs a state no use case reaches quickly. */
export const changeListing = updateListing

/** A category of the territory, active unless told otherwise. */
export async function makeCategory(
  t: TestApp,
  territory: Territory,
  overrides: Partial<Category> = {},
): Promise<Category> {
  counter += 1
  const category: Category = {
    id: t.app.services.ids(),
    territoryId: territory.id,
    slug: `essai-${counter}`,
    name: { fr: `Catégorie ${counter}`, en: `Category ${counter}` },
    description: { fr: 'Pour les essais' },
    guidance: { fr: 'Ne donnez jamais d’argent ni vos coordonnées bancaires.' },
    icon: 'help',
    crisis: false,
    needsVerifiedVolunteer: false,
    active: true,
    position: 1000 + counter,
    ...overrides,
  }
  await insertCategories(t.db.db, [category], t.clock.now())
  return category
}

/**
 * A published ask in Caen by `author`, written straight to the database (no free-help check, no
 * rate limit); a category is made when none is given. Overrides for anything else.
 */
export async function makeListing(
  t: TestApp,
  territory: Territory,
  author: { id: string },
  overrides: Partial<Listing> = {},
): Promise<Listing> {
  counter += 1
  const now = t.clock.now()
  const categoryId = overrides.categoryId ?? (await makeCategory(t, territory)).id
  const insee = overrides.communeInsee ?? '14118'
  const commune = await t.app.services.communes.find(territory, insee)
  const status = overrides.status ?? 'published'
  const listing: Listing = {
    id: t.app.services.ids(),
    territoryId: territory.id,
    authorId: author.id,
    relayed: false,
    kind: 'ask',
    categoryId,
    title: `Annonce ${counter}`,
    description: 'Une aide toute simple.',
    communeInsee: insee,
    latitude: commune?.latitude ?? 49.18,
    longitude: commune?.longitude ?? -0.37,
    whenKind: 'flexible',
    whenStart: null,
    whenEnd: null,
    recurrence: null,
    urgency: 'week',
    capacity: null,
    onBehalfName: null,
    onBehalfRelation: null,
    onBehalfConsent: false,
    charterVersion: '1',
    status,
    holdReasons: [],
    createdAt: now,
    updatedAt: now,
    publishedAt: status === 'held' ? null : now,
    expiresAt: expiryFrom(now),
    remindedAt: null,
    closedAt: null,
    ...overrides,
  }
  await insertListing(t.db.db, listing)
  return listing
}
