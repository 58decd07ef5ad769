import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { CLAIRE } from './helpers/campaign-cast.ts'
import { type Journey, startJourney } from './helpers/journey.ts'
import { h1, main } from './helpers/page.ts'
import { signInEnrollingSecondFactor } from './helpers/staff.ts'

/** A small phone's first screen. */
const PHONE = { viewport: { width: 360, height: 640 } }

/** How much of the first screen the header takes, from 0 to 1. */
async function headerShare(page: Page): Promise<number> {
  const box = await page.locator('header.site-header').boundingBox()
  assert.ok(box, 'the page has a header')
  return (box.y + box.height) / 640
}

/** Whether the element matching `selector` takes the focus: a label must not, a button does. */
const focusable = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s)
    el?.focus()
    return el !== null && document.activeElement === el
  }, selector)

/**
 * Issue 16, problems 10 and 12, on a 360 × 640 phone: the header leaves the screen to the page,
 * its links behind a « Menu » that works without JavaScript; status labels do not look like
 * buttons; and every administration page fits the width, with its data listed.
 */
describe('on a 360 px phone: the header, the labels, the administration', () => {
  let journey: Journey
  let visitor: Page
  let claire: Page
  before(async () => {
    journey = await startJourney()
    // The menu is a native <details>: no script of ours opens it (none is loaded for it), so the
    // keyboard test below is the no-JavaScript one. Playwright's evaluate needs JavaScript on.
    visitor = await journey.newPage(PHONE)
    claire = await journey.newPage(PHONE)
    await signInEnrollingSecondFactor(claire, CLAIRE)
  })
  after(async () => {
    await journey?.close()
  })

  it('the header takes at most a fifth of the first screen, its links behind a native « Menu » disclosure', async () => {
    await visitor.goto('/')
    // the menu needs no script: the page's only one registers the offline worker
    const scripts = await visitor
      .locator('script')
      .evaluateAll((list) => list.map((s) => (s as HTMLScriptElement).src))
    assert.equal(scripts.length, 1, scripts.join(' '))
    assert.match(scripts[0]!, /\/js\/install-[\w-]+\.js$/)
    assert.equal(
      await visitor.locator('summary.nav-toggle').evaluate((s) => s.parentElement?.tagName),
      'DETAILS',
    )
    const share = await headerShare(visitor)
    assert.ok(share <= 0.2, `the header takes ${Math.round(share * 100)} % of the screen`)
    const nav = visitor.getByRole('navigation', { name: 'Navigation principale' })
    assert.equal(await nav.isVisible(), false, 'the links wait behind the menu')
    await expectAccessible(visitor, 'the home page on a phone, menu closed')

    // By keyboard alone: Tab to « Menu », open it, and every link comes next in the Tab order.
    const toggle = visitor.locator('summary.nav-toggle')
    for (let i = 0; i < 6 && !(await toggle.evaluate((s) => s === document.activeElement)); i++)
      await visitor.keyboard.press('Tab')
    assert.ok(await toggle.evaluate((s) => s === document.activeElement), '« Menu » takes the focus')
    await visitor.keyboard.press('Enter')
    assert.equal(await nav.isVisible(), true)
    const links = await nav.getByRole('link').allInnerTexts()
    assert.ok(links.includes('Les annonces') && links.includes('Se connecter'), links.join(', '))
    for (const name of links) {
      await visitor.keyboard.press('Tab')
      const focused = await visitor.evaluate(() => document.activeElement?.textContent?.trim())
      assert.equal(focused, name)
    }
    await expectAccessible(visitor, 'the home page on a phone, menu open')
  })

  it('signed in as staff, the header still leaves four fifths of the screen to the page', async () => {
    await claire.goto('/')
    const share = await headerShare(claire)
    assert.ok(share <= 0.2, `the header takes ${Math.round(share * 100)} % of the screen`)
  })

  it('a status label reads as a label: square, no pointer, not focusable, unlike a button', async () => {
    await claire.goto('/annonces')
    const tag = main(claire).locator('.tag').first()
    const style = await tag.evaluate((el) => {
      const s = getComputedStyle(el)
      return { radius: s.borderTopLeftRadius, cursor: s.cursor, border: s.borderTopWidth }
    })
    assert.deepEqual(style, { radius: '0px', cursor: 'default', border: '0px' })
    assert.equal(await focusable(claire, 'main .tag'), false)
    const button = await main(claire)
      .locator('button')
      .first()
      .evaluate((el) => getComputedStyle(el).borderTopLeftRadius)
    assert.notEqual(button, '0px', 'buttons keep their rounded corners')
  })

  it('every administration page of the staff menu fits 360 px, with its data listed, and passes axe', async () => {
    await claire.goto('/administration')
    const paths = await main(claire)
      .locator('a[href^="/administration/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))])
    assert.ok(paths.includes('/administration/categories'), paths.join(', '))
    assert.ok(paths.includes('/administration/benevoles-verifies'), paths.join(', '))
    // Every page is visited before failing, so that one run names all that need fixing.
    const problems: string[] = []
    for (const path of paths) {
      const res = await claire.goto(path)
      assert.equal(res?.status(), 200, path)
      const width = await claire.evaluate(() => document.documentElement.scrollWidth)
      if (width > 360) problems.push(`${path}: ${width} px wide`)
      await expectAccessible(claire, path).catch((error: Error) => problems.push(error.message))
    }
    assert.deepEqual(problems, [], problems.join('\n'))
    await claire.goto('/administration/benevoles-verifies')
    assert.equal(await h1(claire), 'Bénévoles vérifiés')
    assert.ok((await main(claire).locator('tbody tr').count()) > 0, 'volunteers are listed')
  })
})
