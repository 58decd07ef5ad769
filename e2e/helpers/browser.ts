import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core'

/**
 * Debian's Chromium rather than a browser build downloaded by Playwright: CI machines reach
 * only the package registries. --no-sandbox because CI runs as root, where the sandbox refuses to start.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/**
 * A context that reads French first, as most visitors' browsers do; without it headless
 * Chromium asks for en-US and the site would answer in English.
 */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 }, ...options })
}

/**
 * Collects what the page itself reports as broken: uncaught exceptions, console errors
 * (a blocked script or style shows up there as a Content-Security-Policy violation) and
 * same-origin responses of 500 or more, into the list it returns, for the end of a journey to check.
 */
export function watchPage(page: Page, origin: string): string[] {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 500 && response.url().startsWith(origin)) {
      problems.push(`${response.status()} ${response.url()}`)
    }
  })
  return problems
}
