import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { expectAccessible } from './helpers/axe.ts'
import { type Journey, startJourney } from './helpers/journey.ts'
import { h1, main } from './helpers/page.ts'
import { signIn } from './helpers/session.ts'

const JEANNE = { email: 'jeanne.demo@entraide.localhost', password: 'jeanne cultive des tomates à Bayeux' }
const OFFLINE = 'Vous êtes hors ligne'

/** Resolves once the service worker controls the page, so that its next navigations go through it. */
async function controlledByWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

/** Every cache the page's origin holds, with the addresses each keeps. */
function cachedPages(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const all: Record<string, string[]> = {}
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      all[name] = (await cache.keys()).map((request) => new URL(request.url).pathname)
    }
    return all
  })
}

/**
 * Waits until the caches are as `expected` says: the worker keeps pages after answering, in its
 * own time. (waitForFunction would not do: it takes a promise for a true value.)
 */
async function cachesBecome(page: Page, expected: (caches: Record<string, string[]>) => boolean) {
  for (let tries = 0; tries < 100; tries++) {
    if (expected(await cachedPages(page))) return
    await page.waitForTimeout(100)
  }
  assert.fail(`the caches never became as expected: ${JSON.stringify(await cachedPages(page))}`)
}

const ownPagesKept = (caches: Record<string, string[]>) =>
  Object.entries(caches).some(
    ([name, paths]) => name.startsWith('entraide-pages-') && paths.includes('/mes-annonces'),
  )
const noPagesKept = (caches: Record<string, string[]>) =>
  !Object.keys(caches).some((name) => name.startsWith('entraide-pages-'))

/**
 * The platform as an app on a phone: Chromium finds it installable; Jeanne reads her own asks
 * offline once she has seen them, any other page offline says so; once she signs out, the browser
 * keeps nothing of her pages and offline shows none.
 */
describe('installable app, offline reading and sign-out', () => {
  let journey: Journey
  let page: Page
  let context: BrowserContext

  before(async () => {
    journey = await startJourney()
    page = await journey.newPage()
    context = page.context()
  })
  after(async () => {
    await journey?.close()
  })

  it('passes Chromium’s installability check', async () => {
    // an ordinary profile: Chromium never offers to install from an incognito one, as new contexts are
    const profile = mkdtempSync(join(tmpdir(), 'entraide-profile-'))
    const installing = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-component-update'],
      baseURL: journey.server.url,
      locale: 'fr-FR',
    })
    try {
      const tab = installing.pages()[0] ?? (await installing.newPage())
      await tab.goto('/')
      await controlledByWorker(tab)
      const cdp = await installing.newCDPSession(tab)
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
      assert.deepEqual(installabilityErrors, [])
      const { url, errors } = await cdp.send('Page.getAppManifest')
      assert.equal(new URL(url).pathname, '/manifest.webmanifest')
      assert.deepEqual(errors, [])
    } finally {
      await installing.close()
      rmSync(profile, { recursive: true, force: true })
    }
  })

  it('shows Jeanne her own asks offline, and any page she has not read as offline', async () => {
    await signIn(page, JEANNE)
    await controlledByWorker(page)
    await page.goto('/mes-annonces')
    const titles = await main(page).locator('.listing-list h2').allInnerTexts()
    assert.ok(titles.length > 0, 'Jeanne has asks')
    await cachesBecome(page, ownPagesKept)

    await context.setOffline(true)
    try {
      await page.goto('/mes-annonces')
      assert.deepEqual(await main(page).locator('.listing-list h2').allInnerTexts(), titles)
      await page.goto('/producteurs')
      assert.equal(await h1(page), OFFLINE)
      assert.ok(await page.getByRole('link', { name: 'Mes annonces' }).first().isVisible())
      await expectAccessible(page, 'offline page')
    } finally {
      await context.setOffline(false)
    }
  })

  it('forgets Jeanne’s pages as soon as a page comes signed out, even without signing out', async () => {
    await page.goto('/mes-annonces')
    await cachesBecome(page, ownPagesKept)
    // her session ends on the server's side (expired, or ended from another device)
    await context.clearCookies()
    await page.goto('/')
    await cachesBecome(page, noPagesKept)
    await context.setOffline(true)
    try {
      await page.goto('/mes-annonces')
      assert.equal(await h1(page), OFFLINE)
    } finally {
      await context.setOffline(false)
    }
  })

  it('keeps nothing of Jeanne’s pages once she signs out', async () => {
    await signIn(page, JEANNE)
    await page.goto('/mes-annonces')
    await cachesBecome(page, ownPagesKept)
    // what Clear-Site-Data "storage" empties, beside the worker's caches
    await page.evaluate(() => localStorage.setItem('left-behind', 'yes'))
    await page.locator('header').getByRole('button', { name: 'Se déconnecter' }).click()
    await page.waitForURL((url) => url.pathname === '/deconnexion')
    assert.equal(await h1(page), 'Vous êtes déconnecté')
    assert.equal(await page.evaluate(() => localStorage.getItem('left-behind')), null, 'Clear-Site-Data')
    // the next page registers the worker afresh, which may precache the offline page again
    for (const [name, paths] of Object.entries(await cachedPages(page))) {
      assert.ok(!name.startsWith('entraide-pages-'), `${name} is still there`)
      for (const path of paths)
        assert.ok(!/^\/(mes-annonces|mises-en-relation|annonces\/)/.test(path), `${name} keeps ${path}`)
    }

    await controlledByWorker(page)
    await context.setOffline(true)
    try {
      await page.goto('/mes-annonces')
      assert.equal(await h1(page), OFFLINE)
      assert.equal(await main(page).locator('.listing-list').count(), 0)
    } finally {
      await context.setOffline(false)
    }
    assert.deepEqual(journey.pageProblems(), [])
  })
})
