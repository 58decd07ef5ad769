import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { KARIM } from './helpers/campaign-cast.ts'
import { type Journey, startJourney } from './helpers/journey.ts'
import { h1, main } from './helpers/page.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'
import { signIn } from './helpers/session.ts'

const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true }
const EASY_INTRO = 'Ici, des voisins s’aident. L’aide est gratuite.'
const FIRST_QUESTION = 'Quelle aide voulez-vous ?'

/** The computed size, in px, of the first element matching `selector`. */
const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))

/** « Lecture facile » from the header, as a person does on a phone: open « Menu », follow the link. */
async function turnOnEasyReading(page: Page) {
  await page.locator('summary.nav-toggle').click()
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Lecture facile' })
    .click()
  await page.waitForLoadState()
}

/**
 * Issue 16, the easy-to-read mode on a 360 px phone: a visitor turns on « Lecture facile » from the
 * header; the text grows, the page still fits, axe finds nothing, and the words are the easy ones,
 * up to the first question of an ask. With JavaScript on (where the sizes can be measured), then off.
 */
describe('easy reading on a 360 px phone', () => {
  let journey: Journey
  before(async () => {
    journey = await startJourney()
  })
  after(async () => {
    await journey?.close()
  })

  it('a visitor turns it on from the header: larger text, one column that fits, no axe violation', async () => {
    const visitor = await journey.newPage(PHONE)
    await visitor.goto('/')
    const usual = { body: await fontSize(visitor, 'body'), h1: await fontSize(visitor, 'h1') }
    const header = await visitor.locator('header.site-header').boundingBox()
    assert.ok(header && header.y + header.height <= 0.2 * 640, 'the switch leaves the header one line high')
    assert.doesNotMatch(await main(visitor).innerText(), new RegExp(EASY_INTRO))

    await turnOnEasyReading(visitor)
    assert.equal(new URL(visitor.url()).pathname, '/')
    assert.equal(await visitor.locator('body').getAttribute('class'), 'easy-read')
    const easy = { body: await fontSize(visitor, 'body'), h1: await fontSize(visitor, 'h1') }
    assert.ok(easy.body >= usual.body * 1.2, `text ${usual.body} px → ${easy.body} px`)
    assert.ok(easy.h1 >= usual.h1 * 1.2, `heading ${usual.h1} px → ${easy.h1} px`)
    assert.match(await main(visitor).innerText(), new RegExp(EASY_INTRO))
    // The two doors stacked, one above the other, each the column's width.
    const doors = await visitor
      .locator('.door')
      .evaluateAll((list) => list.map((d) => d.getBoundingClientRect().top))
    assert.ok(doors.length === 2 && doors[1]! > doors[0]!, 'the doors are stacked')
    await expectNoHorizontalScroll(visitor, 'the home page in easy reading')
    await expectAccessible(visitor, 'the home page in easy reading')

    // The switch now offers the way back, and the first question of an ask is in easy words.
    await visitor.locator('summary.nav-toggle').click()
    assert.equal(
      await visitor
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Lecture habituelle' })
        .count(),
      1,
    )
    await signIn(visitor, KARIM)
    await visitor.goto('/annonces/nouvelle/demande')
    assert.equal(await h1(visitor), FIRST_QUESTION)
    assert.match(await main(visitor).innerText(), /Choisissez 1 seule aide\./)
    // Large targets: the button and each answer at least 48 px high.
    const heights = await main(visitor)
      .locator('button[type="submit"], label.choice')
      .evaluateAll((list) => list.map((el) => el.getBoundingClientRect().height))
    assert.ok(heights.length > 1 && heights.every((h) => h >= 48), heights.join(', '))
    await expectNoHorizontalScroll(visitor, 'the first question in easy reading')
    await expectAccessible(visitor, 'the first question in easy reading')
  })

  it('works the same without JavaScript', async () => {
    const phone = await journey.newPage({ ...PHONE, javaScriptEnabled: false })
    await phone.goto('/')
    await turnOnEasyReading(phone)
    assert.equal(await phone.locator('body').getAttribute('class'), 'easy-read')
    assert.match(await main(phone).innerText(), new RegExp(EASY_INTRO))
    await signIn(phone, KARIM)
    await phone.goto('/annonces/nouvelle/demande')
    assert.equal(await h1(phone), FIRST_QUESTION)
    // The first answer and « Continuer », with no script to help.
    await main(phone).locator('label.choice').first().click()
    await main(phone).getByRole('button', { name: 'Continuer' }).click()
    await phone.waitForLoadState()
    assert.equal(await h1(phone), 'Que faut-il faire pour vous ?')
    assert.deepEqual(journey.pageProblems(), [])
  })
})
