import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { type Journey, startJourney } from './helpers/journey.ts'
import { expectNoHorizontalScroll } from './helpers/reflow.ts'

const PLATFORM = 'Entraide Calvados (démo)'
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('home page, language, communes and sign-up', () => {
  let journey: Journey
  let context: BrowserContext
  let page: Page

  before(async () => {
    journey = await startJourney()
    page = await journey.newPage()
    context = page.context()
  })

  // Each test starts as a first visit, so that a failure half-way (say, still in English) does not spread.
  beforeEach(async () => {
    await context?.clearCookies()
  })

  after(async () => {
    await journey?.close()
  })

  const main = () => page.locator('main')
  const h1 = () => page.getByRole('heading', { level: 1 })
  const lang = () => page.locator('html').getAttribute('lang')
  // The main navigation repeats the doors, so each door is looked for in the page's content,
  // where its name starts with its title and goes on with a hint.
  const door = (title: string) => main().getByRole('link', { name: new RegExp(`^${escapeRegExp(title)}`) })

  async function searchCommunes(target: Page, query: string) {
    const form = target.locator('main form').first()
    // Found by its label: with the suggestions script the field is a combobox, without it a textbox.
    await form.getByLabel('Nom ou code postal de la commune').fill(query)
    await form.getByRole('button', { name: 'Rechercher' }).click()
    await target.waitForURL((url) => url.pathname === '/communes' && url.searchParams.get('q') === query)
  }

  it('shows the platform name and the two doors', async () => {
    const response = await page.goto('/')
    assert.equal(response?.status(), 200)
    assert.equal(await lang(), 'fr')
    assert.ok((await h1().innerText()).includes(PLATFORM), 'the h1 names the platform')
    assert.equal(await door('J’ai besoin d’aide').count(), 1)
    assert.equal(await door('Je veux aider').count(), 1)
    await expectAccessible(page, 'home (fr)')
  })

  it('switches to English with the header link and back to French', async () => {
    await page.goto('/')
    await page.locator('header').getByRole('link', { name: 'English' }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    assert.equal(new URL(page.url()).pathname, '/')
    assert.equal(await door('I need help').count(), 1)
    assert.equal(await door('I want to help').count(), 1)
    assert.match(await h1().innerText(), /Entraide Calvados/)
    await expectAccessible(page, 'home (en)')

    await page.locator('header').getByRole('link', { name: 'Français' }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'fr')
    assert.equal(await door('J’ai besoin d’aide').count(), 1)
  })

  it('each door leads to its page', async () => {
    for (const [name, path] of [
      ['J’ai besoin d’aide', '/besoin-d-aide'],
      ['Je veux aider', '/je-veux-aider'],
    ] as const) {
      await page.goto('/')
      await door(name).click()
      await page.waitForURL((url) => url.pathname === path)
      assert.notEqual((await h1().innerText()).trim(), '', `${path} has an empty h1`)
      await expectAccessible(page, path)
    }
  })

  it('finds a commune typed without accents, and the communes of a postcode', async () => {
    const response = await page.goto('/communes')
    assert.equal(response?.status(), 200)
    assert.match(await h1().innerText(), /Trouver une commune/)
    await expectAccessible(page, '/communes')

    await searchCommunes(page, 'herouville')
    await main().getByText('Hérouville-Saint-Clair').first().waitFor()
    await expectAccessible(page, '/communes?q=herouville')

    await searchCommunes(page, '14000')
    await main().getByText('Caen', { exact: true }).first().waitFor()
    await expectAccessible(page, '/communes?q=14000')
  })

  it('puts the skip link first in the tab order', async () => {
    await page.goto('/')
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute('href'),
    }))
    assert.deepEqual(focused, { text: 'Aller au contenu', href: '#contenu' })
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'contenu')
  })

  it('leads to the sign-up page', async () => {
    await page.goto('/')
    await page.getByRole('link', { name: 'Créer un compte' }).first().click()
    await page.waitForURL((url) => url.pathname === '/inscription')
    assert.match(await h1().innerText(), /compte/i)
    await expectAccessible(page, '/inscription')
  })

  it('serves every footer page, accessibly', async () => {
    await page.goto('/')
    const links = page.locator('footer').getByRole('link')
    const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter((h) =>
      h.startsWith('/'),
    )
    assert.ok(hrefs.length >= 4, `expected the legal pages in the footer, found ${hrefs.join(', ')}`)
    for (const href of hrefs) {
      const response = await page.goto(href)
      assert.equal(response?.status(), 200, `${href} answered ${response?.status()}`)
      assert.notEqual((await h1().innerText()).trim(), '', `${href} has an empty h1`)
      await expectAccessible(page, href)
    }
  })

  it('needs no horizontal scroll on a phone or at 200 % zoom', async () => {
    await page.goto('/')
    await expectNoHorizontalScroll(page, 'home')
    await page.goto('/communes')
    await searchCommunes(page, 'caen')
    await expectNoHorizontalScroll(page, 'communes found for « caen »')
  })

  it('searches communes without JavaScript', async () => {
    const plain = await journey.newPage({ javaScriptEnabled: false })
    await plain.goto('/communes')
    await searchCommunes(plain, '14000')
    await plain.locator('main').getByText('Caen', { exact: true }).first().waitFor()
  })

  it('shows the three legal pages, filled or saying what is missing, accessible and without sideways scroll', async () => {
    for (const [path, title] of [
      ['/mentions-legales', 'Mentions légales'],
      ['/donnees-personnelles', 'Données personnelles'],
      ['/accessibilite', 'Déclaration d’accessibilité'],
    ] as const) {
      const response = await page.goto(path)
      assert.equal(response?.status(), 200, path)
      assert.equal(await h1().innerText(), title)
      assert.doesNotMatch(await main().innerText(), /\{\w+\}/, path)
      await expectAccessible(page, path)
      await expectNoHorizontalScroll(page, path)
    }
  })

  it('raised no script error, blocked resource or server error on the way', () => {
    assert.deepEqual(journey.pageProblems(), [])
  })
})
