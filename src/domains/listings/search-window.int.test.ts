import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import { type SearchPage, searchAllPages } from '../../../test/helpers/search-pages.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { walks } from './search-words.repository.ts'

/**
 * Relevance ranks the 100 newest matches. A word with at least that many matches is first looked
 * for among the newest listings; when the window is not full there (a circle with few matches),
 * among all of them. Either way the pages must add up to exactly that window.
 */
describe('search: the relevance window of a common word', () => {
  let t: TestApp
  let calvados: Territory
  const caen: string[] = []
  const lisieux: string[] = []
  /** Lisieux's gardening listings without « jardin »: two without the category's name, one with it. */
  const lisieuxGardening: string[] = []
  let gardening: string

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    const author = await makeAccount(t, calvados)
    gardening = (await makeCategory(t, calvados, { name: { fr: 'Jardinage' } })).id
    const other = (await makeCategory(t, calvados)).id
    const start = t.clock.now().getTime() - 10 * 86_400_000
    const at = (i: number) => new Date(start + i * 60_000)
    // 120 matches in Caen and 6 older ones in Lisieux, among listings without the word.
    for (let i = 0; i < 6; i++) {
      const l = await makeListing(t, calvados, author, {
        title: `Tailler la haie du jardin ${i}`,
        categoryId: gardening,
        communeInsee: '14366',
        publishedAt: at(i),
      })
      lisieux.push(l.id)
    }
    for (const title of ['Tondre la pelouse', 'Ramasser les feuilles mortes', 'Jardinage chez une voisine']) {
      const l = await makeListing(t, calvados, author, {
        title,
        categoryId: gardening,
        communeInsee: '14366',
        publishedAt: at(6 + lisieuxGardening.length),
      })
      lisieuxGardening.push(l.id)
    }
    for (let i = 0; i < 150; i++) {
      const matching = i % 5 !== 0
      const l = await makeListing(t, calvados, author, {
        title: matching ? `Désherber un jardin ${i}` : `Promener un chien ${i}`,
        categoryId: matching ? gardening : other,
        publishedAt: at(10 + i),
      })
      if (matching) caen.push(l.id)
    }
  })
  after(() => t.close())

  const all = async (query: string) => (await searchAllPages(t, calvados.hostnames[0]!, query, 7)).ids

  it('pages through exactly the 100 newest matches, found among the newest listings', async () => {
    const ids = await all('words=jardin')
    assert.equal(ids.length, 100)
    assert.equal(new Set(ids).size, 100)
    assert.deepEqual([...ids].sort(), caen.slice(-100).sort())
  })

  it('still finds the few matches of a small circle, when the newest listings hold none', async () => {
    const ids = await all(`words=jardin&commune=14366&radiusKm=5&categories=${gardening}`)
    assert.deepEqual([...ids].sort(), [...lisieux].sort())
    const wide = await all('words=jardin&commune=14366&radiusKm=50')
    assert.equal(wide.length, 100)
    assert.deepEqual([...wide].sort(), [...lisieux, ...caen].slice(-100).sort())
  })

  it('finds in a small circle the listings of the category a word names, with the word or without, each once', async () => {
    for (const sort of ['relevance', 'newest']) {
      const ids = await all(`words=jardinage&commune=14366&radiusKm=5&sort=${sort}`)
      assert.equal(new Set(ids).size, ids.length, sort)
      assert.deepEqual([...ids].sort(), [...lisieux, ...lisieuxGardening].sort(), sort)
    }
  })

  describe('with walks shrunk so that each branch serves (recent 50 listings, wider 400)', () => {
    const kept = { ...walks }
    before(() => Object.assign(walks, { recent: 50, wider: 400 }))
    after(() => Object.assign(walks, kept))

    it('still pages through the 100 newest matches, met in the wider walk', async () => {
      const ids = await all('words=jardin')
      assert.equal(ids.length, 100)
      assert.deepEqual([...ids].sort(), caen.slice(-100).sort())
    })

    it('pages newest first through every match, the newest ones from the walks, the rest from the index', async () => {
      const ids = await all('words=jardin&sort=newest')
      assert.deepEqual(ids, [...lisieux, ...caen].reverse())
      const village = await all(`words=jardin&sort=newest&commune=14366&radiusKm=5`)
      assert.deepEqual(village, [...lisieux].reverse())
    })
  })

  it('walks the newest listings for a category named by a common word, in both orders', async () => {
    for (const sort of ['relevance', 'newest']) {
      const res = await new Client(t, calvados.hostnames[0]!).get(
        `/api/v1/listings/search?words=jardinage&sort=${sort}&limit=50`,
      )
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json() as SearchPage
      assert.equal(body.results.length, 50, sort)
      assert.ok(
        body.results.every((r) => /jardin/.test(r.title)),
        sort,
      )
      assert.ok(body.nextCursor, sort)
    }
  })
})
