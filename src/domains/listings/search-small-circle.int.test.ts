import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeCategory, makeListing } from '../../../test/helpers/listings.ts'
import { searchAllPages } from '../../../test/helpers/search-pages.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

/**
 * A word common in the territory, searched within 5 km of Lisieux (3.7 % of the Calvados'
 * people), a circle of several communes: the window must be the circle's 100 newest matches,
 * whichever commune holds them, and newest first must page through every match in order.
 */
describe('search: a common word in a small circle of several communes', () => {
  let t: TestApp
  let calvados: Territory
  /** the circle's matches, oldest first: Lisieux's and Beuvillers' (2.4 km away) interleaved */
  const inCircle: string[] = []
  const beuvillers: string[] = []

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    const author = await makeAccount(t, calvados)
    const category = (await makeCategory(t, calvados)).id
    const start = t.clock.now().getTime() - 10 * 86_400_000
    const at = (minute: number) => new Date(start + minute * 60_000)
    const listing = (title: string, communeInsee: string, minute: number) =>
      makeListing(t, calvados, author, { title, categoryId: category, communeInsee, publishedAt: at(minute) })
    // Lisieux holds more than a window of matches on its own; Beuvillers' come among its newest.
    const matches: { id: string; minute: number }[] = []
    for (let i = 0; i < 110; i++)
      matches.push({ id: (await listing(`Prêter une tondeuse ${i}`, '14366', 2 * i)).id, minute: 2 * i })
    for (let i = 60; i < 100; i++) {
      const { id } = await listing(`Tondeuse à partager ${i}`, '14069', 2 * i + 1)
      matches.push({ id, minute: 2 * i + 1 })
      beuvillers.push(id)
    }
    inCircle.push(...matches.sort((a, b) => a.minute - b.minute).map((m) => m.id))
    // Newer than all of them: matches in Caen, out of the circle, and listings of the circle without the word.
    for (let i = 0; i < 30; i++) await listing(`Une tondeuse à Caen ${i}`, '14118', 300 + i)
    for (let i = 0; i < 20; i++) await listing(`Arroser les tomates ${i}`, '14366', 400 + i)
  })
  after(() => t.close())

  const all = (query: string) => searchAllPages(t, calvados.hostnames[0]!, query, 25)

  it('ranks the circle’s 100 newest matches, from both communes', async () => {
    const { ids, pages } = await all('words=tondeuse&commune=14366&radiusKm=5')
    assert.equal(pages, 4)
    assert.equal(new Set(ids).size, 100)
    assert.deepEqual([...ids].sort(), inCircle.slice(-100).sort())
  })

  it('pages newest first through every match of the circle, in order', async () => {
    const { ids } = await all('words=tondeuse&commune=14366&radiusKm=5&sort=newest')
    assert.deepEqual(ids, [...inCircle].reverse())
  })

  it('keeps to its own circle: around Le Mesnil-Guillaume, Beuvillers’ matches but not Lisieux’s', async () => {
    // Beuvillers is 3.4 km from Le Mesnil-Guillaume, Lisieux 5.7 km.
    const { ids } = await all('words=tondeuse&commune=14421&radiusKm=5&sort=newest')
    assert.deepEqual(ids, [...beuvillers].reverse())
  })
})
