import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { expectAccessible } from './helpers/axe.ts'
import { type Journey, startJourney } from './helpers/journey.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'

describe('the public bilan in a browser', () => {
  let journey: Journey

  before(async () => {
    journey = await startJourney()
  })
  after(async () => {
    await journey?.close()
  })

  it('is reached from the footer, reads at 360 px, passes axe, and prints without the navigation', async () => {
    const page = await journey.newPage()
    await page.goto('/')
    await page.getByRole('contentinfo').getByRole('link', { name: 'Bilan de l’entraide' }).click()
    await page.waitForURL(/\/bilan$/)
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Bilan de l’entraide')
    assert.match(
      await page.getByRole('main').innerText(),
      /Chiffres arrêtés au \d+ \p{L}+ \d{4}\.|Le premier bilan paraîtra au début du mois prochain/u,
    )
    await expectAccessible(page)
    await expectNoHorizontalScroll(page)
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible(), false)
    assert.equal(await page.locator('.footer-links').isVisible(), false)
    const openData = page.getByRole('link', { name: 'Données ouvertes du bilan' })
    const printed = await openData.evaluate((a) => getComputedStyle(a, '::after').content)
    assert.match(printed, /\/donnees-ouvertes/)
    await page.emulateMedia({ media: 'screen' })
    await openData.click()
    await page.waitForURL(/\/donnees-ouvertes$/)
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Données ouvertes')
    await expectAccessible(page)
    await expectNoHorizontalScroll(page)
    assert.deepEqual(journey.pageProblems(), [])
  })
})
