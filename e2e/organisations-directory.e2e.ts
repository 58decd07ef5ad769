import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { expectAccessible } from './helpers/axe.ts'
import { type Journey, startJourney } from './helpers/journey.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'

describe('the directory of organisations in a browser', () => {
  let journey: Journey

  before(async () => {
    journey = await startJourney()
  })
  after(async () => {
    await journey?.close()
  })

  it('searches with the keyboard, says what it found, and passes axe', async () => {
    const page = await journey.newPage()
    await page.goto('/organisations')
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Annuaire des organisations')
    await expectAccessible(page)
    await page.getByLabel('Mots').fill('épicerie solidaire')
    await page.getByLabel('Type d’organisation').selectOption({ label: 'Structure d’aide' })
    await page.getByLabel('Mots').press('Enter')
    await page.waitForURL(/words=/)
    // The count is a status: read out as the results come.
    const status = page.getByRole('status')
    assert.match(await status.innerText(), /organisation/)
    await expectAccessible(page)
    await expectNoHorizontalScroll(page)
    assert.deepEqual(journey.pageProblems(), [])
  })

  it('shows a refused search with its summary, linked to the field, and passes axe', async () => {
    const page = await journey.newPage()
    const res = await page.goto('/organisations?commune=Caen&radiusKm=7')
    assert.equal(res?.status(), 400)
    const summary = page.getByRole('alert')
    assert.match(await summary.innerText(), /Choisissez une distance parmi 5, 10, 20, 50 km/)
    await summary.getByRole('link').click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'radiusKm')
    await expectAccessible(page)
  })
})
