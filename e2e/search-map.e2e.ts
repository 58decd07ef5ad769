import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { expectAccessible } from './helpers/axe.ts'
import { type Journey, startJourney } from './helpers/journey.ts'

// A tile server that cannot answer: the machine running the tests reaches none, and the map
// must still show its markers on a blank background.
const TILES = 'https://tiles.invalid/{z}/{x}/{y}.png'

/** The results that are listings, under the « résultats » heading. */
const LISTINGS = 'ol.results[aria-labelledby="resultats"] > li'

describe('the map of the search results', () => {
  let journey: Journey
  let titlesWithScript: string[] = []

  before(async () => {
    journey = await startJourney({ MAP_TILE_URL: TILES })
  })
  after(async () => {
    await journey?.close()
  })

  it('shows one focusable marker per commune, within the CSP, and keeps the list whole', async () => {
    const page = await journey.newPage()
    await page.goto('/annonces')
    // The listings' list, which the map shows; the block of missions beside it has no pin.
    const results = page.locator(LISTINGS)
    const count = await results.count()
    assert.ok(count > 0, 'the demo has listings')
    const communes = new Set(
      await results.evaluateAll((items) => items.map((li) => `${li.dataset.lat},${li.dataset.lon}`)),
    )
    const map = page.getByRole('region', { name: 'Carte des annonces par commune' })
    await map.locator('.leaflet-marker-icon').first().waitFor()
    const markers = map.locator('.leaflet-marker-icon')
    assert.equal(await markers.count(), communes.size, 'one marker per commune')
    assert.equal(await results.count(), count, 'the list is untouched')
    titlesWithScript = await page.locator(`${LISTINGS} h3`).allInnerTexts()
    // Leaflet's stylesheet is served and applied: the container got Leaflet's own look.
    assert.equal(await map.evaluate((el) => getComputedStyle(el).overflow), 'hidden')

    // Keyboard: a marker takes the focus and Enter opens the links of its listings.
    await markers.first().focus()
    await page.keyboard.press('Enter')
    const popup = map.locator('.leaflet-popup-content')
    await popup.waitFor()
    assert.ok((await popup.getByRole('link').count()) >= 1)
    // Leaflet fades the popup in; axe would measure the contrast half-way.
    await page.waitForFunction(() => {
      const shown = document.querySelector('.leaflet-popup')
      return shown !== null && getComputedStyle(shown).opacity === '1'
    })

    await expectAccessible(page)
    // Tiles fail to load (a network error, not a policy one); anything else is a problem.
    if (process.env.DEBUG_MAP) console.log(journey.pageProblems())
    const problems = journey.pageProblems(/Failed to load resource: net::/)
    assert.deepEqual(
      problems.filter((p) => /Content[- ]Security[- ]Policy|refused/i.test(p)),
      [],
    )
    assert.deepEqual(problems, [])
  })

  it('without JavaScript, the list is the same and no map is drawn', async () => {
    const page = await journey.newPage({ javaScriptEnabled: false })
    await page.goto('/annonces')
    assert.deepEqual(await page.locator(`${LISTINGS} h3`).allInnerTexts(), titlesWithScript)
    assert.equal(await page.locator('#carte .leaflet-marker-icon').count(), 0)
  })
})

describe('the search page on a 360 px phone', () => {
  let journey: Journey

  before(async () => {
    journey = await startJourney()
  })
  after(async () => {
    await journey?.close()
  })

  it('shows a result on the first screen, the filters folded after the results, and passes axe', async () => {
    const page = await journey.newPage({ viewport: { width: 360, height: 740 } })
    await page.goto('/annonces')
    const first = page.locator(`${LISTINGS} h3 a`).first()
    const box = await first.boundingBox()
    assert.ok(box, 'a result is shown')
    assert.ok(box.y + box.height <= 740, `the first result ends at ${Math.round(box.y + box.height)} px`)
    const filters = page.locator('main details#filtres')
    assert.equal(await filters.getAttribute('open'), null, 'the filters are folded')
    assert.ok(((await filters.boundingBox())?.y ?? 0) > box.y, 'the filters come after the results')
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360)
    await expectAccessible(page, '/annonces at 360 px')

    // « modifier » opens the filters by a link; opened, they pass axe too.
    await page.getByRole('link', { name: 'choisir une commune' }).click()
    await page.waitForURL((url) => url.searchParams.get('filtres') === '1')
    assert.notEqual(await filters.getAttribute('open'), null)
    await filters.getByLabel('Autour de la commune').fill('Bayeux')
    await page.locator('main form.search-form').getByRole('button', { name: 'Chercher' }).click()
    await page.waitForURL((url) => url.searchParams.get('commune') === 'Bayeux')
    assert.match(await page.locator('#resume').innerText(), /Autour de Bayeux, 10 km · modifier/)
    await expectAccessible(page, '/annonces around Bayeux at 360 px')
  })
})
