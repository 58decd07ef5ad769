import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'

/** The text of the page's one level-1 heading. */
export const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText()

export const main = (page: Page) => page.locator('main')

/** The path of the page's address, without its query. */
export const pathOf = (page: Page) => new URL(page.url()).pathname

/** Presses Tab until the element matching `selector` has the focus, as a keyboard user would. */
export async function tabTo(page: Page, selector: string, most = 10): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  assert.fail(`${selector} never took the focus after ${most} presses of Tab`)
}
