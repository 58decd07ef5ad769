import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { expectAccessible } from './axe.ts'
import { h1, main } from './page.ts'

/** The first step of posting a listing: ask (/^J’ai besoin d’aide/) or offer (/^Je propose mon aide/). */
export async function chooseListingKind(page: Page, kind: RegExp): Promise<void> {
  await page.goto('/annonces/nouvelle')
  assert.equal(await h1(page), 'Publier une annonce')
  await expectAccessible(page, '/annonces/nouvelle (ask or offer)')
  await main(page).getByLabel(kind).check()
  await main(page).getByRole('button', { name: 'Continuer' }).click()
  // An ask continues one question per page at its own address; an offer stays on the full form.
  await page.waitForURL(
    (url) =>
      url.pathname === '/annonces/nouvelle/demande' ||
      (url.pathname === '/annonces/nouvelle' && url.searchParams.has('type')),
  )
}

/**
 * Searches from /annonces as a visitor does: the words in the form at the top, the commune and
 * radius in the filters folded after the results (opened first). An empty commune searches the
 * whole territory; without a radius the form's own stays.
 */
export async function searchListings(
  page: Page,
  { words, commune, radius }: { words: string; commune: string; radius?: string },
): Promise<void> {
  await page.goto('/annonces')
  const form = page.locator('main form.search-form')
  await form.getByLabel('Mots', { exact: true }).fill(words)
  const filters = page.locator('main details#filtres')
  await filters.locator('summary').click()
  await filters.getByLabel('Autour de la commune').fill(commune)
  if (radius) await filters.getByLabel('Distance').selectOption({ label: radius })
  await form.getByRole('button', { name: 'Chercher' }).click()
  await page.waitForURL((url) => url.pathname === '/annonces' && url.searchParams.get('words') === words)
}
