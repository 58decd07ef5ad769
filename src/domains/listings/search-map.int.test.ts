import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { categories } from '../../../test/helpers/tables.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { listings } from './listing.schema.ts'

/** A territory with one published listing, so that the results (and the map) are not empty. */
async function withOneListing(env: Record<string, string>) {
  const t = await buildTestApp(env)
  const territory = await makeTerritory(t.app.services)
  const author = await makeAccount(t, territory)
  const categoryId = t.app.services.ids()
  await t.db.db.insert(categories).values({
    id: categoryId,
    territoryId: territory.id,
    slug: 'test-map',
    name: { fr: 'Courses' },
    description: { fr: 'Courses' },
    guidance: { fr: 'Ne donnez jamais d’argent.' },
    icon: 'help',
    position: 100,
  })
  const now = t.clock.now()
  await t.db.db.insert(listings).values({
    id: t.app.services.ids(),
    territoryId: territory.id,
    authorId: author.id,
    categoryId,
    kind: 'ask',
    title: 'Porter les courses',
    description: 'Le samedi matin',
    communeInsee: '14366',
    latitude: 49.1467,
    longitude: 0.2383,
    whenKind: 'flexible',
    charterVersion: '1',
    status: 'published',
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
    expiresAt: new Date(now.getTime() + 30 * 86_400_000),
  })
  return { t, territory }
}

describe('the map of the results is an option of the configuration', () => {
  let withMap: { t: TestApp; territory: Territory }
  let withoutMap: { t: TestApp; territory: Territory }
  const get = async (s: { t: TestApp; territory: Territory }) =>
    (await new Client(s.t, s.territory.hostnames[0]!).get('/annonces')).body

  before(async () => {
    withMap = await withOneListing({ MAP_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' })
    withoutMap = await withOneListing({})
  })
  after(async () => {
    await withMap?.t.close()
    await withoutMap?.t.close()
  })

  it('with MAP_TILE_URL, the page carries the map container, its script and its stylesheet', async () => {
    const html = await get(withMap)
    assert.match(html, /<div id="carte"[^>]*data-tiles="https:\/\/tiles\.example\/\{z\}\/\{x\}\/\{y\}\.png"/)
    assert.match(html, /data-label="Carte des annonces par commune"/)
    assert.match(html, /<script type="module" src="\/static\/assets\/js\/listings-map(-\w+)?\.js">/)
    assert.match(html, /<link rel="stylesheet" href="\/static\/assets\/css\/leaflet(-\w+)?\.css"/)
    assert.match(html, /Porter les courses/)
  })

  it('without it, neither map nor script nor stylesheet, and the same list', async () => {
    const html = await get(withoutMap)
    assert.doesNotMatch(html, /id="carte"/)
    assert.doesNotMatch(html, /listings-map(-\w+)?\.js/)
    assert.doesNotMatch(html, /leaflet(-\w+)?\.css/)
    assert.match(html, /Porter les courses/)
  })
})
