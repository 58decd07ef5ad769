import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { createTestDatabase } from '../../../test/helpers/db.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

/**
 * What a page costs in SQL statements, counted by the database client once the reference data
 * (territory, categories, communes) is warm. A page that starts re-reading reference data, or
 * querying once per row, fails here. A signed-in request adds 3 of its own: the session, the
 * person with their roles, the unread notifications of the header.
 */
describe('statements per page', () => {
  let t: TestApp
  let calvados: Territory
  let statements = 0
  let listingUrl = ''
  let visitor: Client
  let reader: Client

  /** The statements one request sends, after a first request warmed the caches. */
  async function cost(client: Client, url: string): Promise<{ count: number; body: string }> {
    assert.equal((await client.get(url)).statusCode, 200, url)
    statements = 0
    const res = await client.get(url)
    assert.equal(res.statusCode, 200, url)
    return { count: statements, body: res.body }
  }

  before(async () => {
    t = await buildTestApp({}, undefined, await createTestDatabase({ onStatement: () => statements++ }))
    calvados = await makeTerritory(t.app.services)
    const category = await makeCategory(t, calvados, { name: { fr: 'Courses', en: 'Shopping' } })
    const author = await makeAccount(t, calvados, { displayName: 'Jeanne M.', communeInsee: '14047' })
    const listing = await makeListing(t, calvados, author, {
      title: 'Courses du samedi',
      categoryId: category.id,
      communeInsee: '14047',
    })
    listingUrl = `/annonces/${listing.id}`
    visitor = new Client(t, calvados.hostnames[0]!)
    const me = await makeAccount(t, calvados, { communeInsee: '14118' })
    reader = await new Client(t, calvados.hostnames[0]!).signInDirectly(me)
  })
  after(() => t.close())

  it('shows a listing with its author, category, commune and distance in one statement of its own', async () => {
    const seen = await cost(visitor, listingUrl)
    const text = page(seen.body).text('main')
    assert.match(text, /Courses du samedi/)
    assert.match(text, /Catégorie : Courses/)
    assert.match(text, /Commune : Bayeux/)
    assert.match(text, /Publiée par Jeanne M\./)
    // the listing with its author's name; the responses' thanks (matches)
    assert.ok(seen.count <= 2, `visitor: ${seen.count} statements`)

    const read = await cost(reader, listingUrl)
    assert.match(page(read.body).text('main'), /À 26,4 km de votre commune/)
    // 3 per signed-in request, the listing with the author and the reader's commune, and 4 for
    // the response part (thanks, the reader's response, blocks, the reader's phone)
    assert.ok(read.count <= 8, `signed in: ${read.count} statements`)
  })

  it('searches with the categories and communes from memory', async () => {
    // The search, and beside it the block of missions (one statement, sent at the same time)
    const all = await cost(visitor, '/annonces')
    assert.ok(all.count <= 2, `all kinds: ${all.count}`)
    // A circle holding few listings adds one count of those further away.
    const near = await cost(visitor, '/annonces?commune=Caen&radiusKm=50')
    assert.match(page(near.body).text('main'), /Courses du samedi/)
    assert.match(page(near.body).text('main'), /plus loin/)
    assert.ok(near.count <= 3, `near Caen: ${near.count}`)
    // Asks only: the search and its count further away, no statement for missions
    const asks = await cost(visitor, '/annonces?kind=ask&commune=Caen&radiusKm=50')
    assert.ok(asks.count <= 2, `asks near Caen: ${asks.count}`)
    // 3 per signed-in request, the search, the missions: no profile read, no circle unasked
    const mine = await cost(reader, '/annonces')
    assert.ok(mine.count <= 5, `signed in: ${mine.count}`)
    const mineNear = await cost(reader, '/annonces?commune=Caen&radiusKm=50')
    assert.ok(mineNear.count <= 6, `signed in, near Caen: ${mineNear.count}`)
  })

  it('serves the home page with no statement for a visitor', async () => {
    assert.equal((await cost(visitor, '/')).count, 0)
    assert.ok((await cost(reader, '/')).count <= 3)
  })
})
