import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import { categories } from '../../../test/helpers/tables.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Category } from './category.ts'

const form = (overrides: Record<string, string> = {}) => ({
  nameFr: 'Bricolage',
  nameEn: 'DIY',
  descriptionFr: 'Petites réparations.',
  descriptionEn: 'Small repairs.',
  guidanceFr: 'Ne donnez jamais d’argent.',
  guidanceEn: 'Never give money.',
  icon: 'car',
  ...overrides,
})

/**
 * Categories and territories are read from a short-lived cache: what an administrator changes
 * shows on the next request in this process, what another process changes within 30 s, and a
 * territory never sees another's.
 */
describe('reference data from memory: categories and territories', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let category: Category
  let listingUrl = ''
  let admin: Client
  const visitor = (territory: Territory) => new Client(t, territory.hostnames[0]!)
  const categoryShown = async () => page((await visitor(calvados).get(listingUrl)).body).text('main')
  const searchFilters = async (territory: Territory) =>
    page((await visitor(territory).get('/annonces')).body).text('#filtres')

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
    manche = await makeTerritory(t.app.services, { platformName: 'Entraide Manche', departements: ['50'] })
    category = await makeCategory(t, calvados, { name: { fr: 'Bricolage', en: 'DIY' } })
    await makeCategory(t, manche, { name: { fr: 'Jardinage en Manche', en: 'Gardening' } })
    const author = await makeAccount(t, calvados)
    listingUrl = `/annonces/${(await makeListing(t, calvados, author, { categoryId: category.id })).id}`
    const alice = await makeAccount(t, calvados, { roles: ['administrator'] })
    admin = await new Client(t, calvados.hostnames[0]!).signInDirectly(alice, {
      staff: true,
      secondFactor: true,
    })
  })
  after(() => t.close())

  it('shows a category an administrator renames on the very next request', async () => {
    assert.match(await categoryShown(), /Bricolage/)
    const saved = await admin.post(
      `/administration/categories/${category.id}`,
      form({ nameFr: 'Petits travaux' }),
    )
    assert.equal(saved.statusCode, 303)
    assert.match(await categoryShown(), /Petits travaux/)
    assert.match(await searchFilters(calvados), /Petits travaux/)
  })

  it('hides a deactivated category from the search filters at once', async () => {
    const other = await makeCategory(t, calvados, { name: { fr: 'Covoiturage', en: 'Rides' } })
    t.clock.advance('31s')
    assert.match(await searchFilters(calvados), /Covoiturage/)
    const off = await admin.post(`/administration/categories/${other.id}/desactiver`, {})
    assert.equal(off.statusCode, 303)
    assert.doesNotMatch(await searchFilters(calvados), /Covoiturage/)
  })

  it('sees a change written by another process within the cache time', async () => {
    assert.match(await categoryShown(), /Petits travaux/)
    await t.db.db
      .update(categories)
      .set({ name: { fr: 'Dépannage', en: 'Repairs' } })
      .where(eq(categories.id, category.id))
    assert.match(await categoryShown(), /Petits travaux/, 'kept for a while, as documented')
    t.clock.advance('31s')
    assert.match(await categoryShown(), /Dépannage/)
  })

  it("never serves a territory another's categories or name", async () => {
    assert.match(await searchFilters(manche), /Jardinage en Manche/)
    assert.doesNotMatch(await searchFilters(manche), /Dépannage|Petits travaux/)
    assert.doesNotMatch(await searchFilters(calvados), /Jardinage en Manche/)
    assert.equal((await visitor(manche).get(listingUrl)).statusCode, 404)
    assert.match(page((await visitor(manche).get('/')).body).text('header'), /Entraide Manche/)
    assert.match(page((await visitor(calvados).get('/')).body).text('header'), /Entraide Calvados/)
  })

  it('shows territory settings an operator changes on the next request', async () => {
    assert.match(page((await visitor(calvados).get('/')).body).text('header'), /Entraide Calvados/)
    await t.app.services.territories.update(calvados.slug, { platformName: 'Calvados Solidaire' })
    assert.match(page((await visitor(calvados).get('/')).body).text('header'), /Calvados Solidaire/)
    assert.match(page((await visitor(manche).get('/')).body).text('header'), /Entraide Manche/)
  })
})
