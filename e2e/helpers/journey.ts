import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { type SmtpReceiver, startSmtpReceiver } from '../../test/helpers/smtp.ts'
import { launchBrowser, newContext, watchPage } from './browser.ts'
import { type E2eServer, startServer } from './server.ts'

/** A server on a fresh database and a browser to visit it, as one journey uses them. */
export interface Journey {
  server: E2eServer
  browser: Browser
  /**
   * A page in a context of its own (its own cookies: another person, or another device),
   * watched for script errors, blocked resources and server errors.
   */
  newPage(options?: BrowserContextOptions): Promise<Page>
  /** What the pages opened so far reported as broken, but for what matches `expected`. */
  pageProblems(expected?: RegExp): string[]
  close(): Promise<void>
}

export interface JourneyWithMail extends Journey {
  /** the SMTP server the platform sends its mails to */
  smtp: SmtpReceiver
}

async function openBrowser(server: E2eServer, closeMore: () => Promise<void>): Promise<Journey> {
  let browser: Browser
  try {
    browser = await launchBrowser()
  } catch (error) {
    try {
      await server.stop()
    } finally {
      await closeMore()
    }
    throw error
  }
  const contexts: BrowserContext[] = []
  const problems: string[][] = []
  return {
    server,
    browser,
    async newPage(options = {}) {
      const context = await newContext(browser, { baseURL: server.url, ...options })
      // Fail in seconds rather than Playwright's 30 s when an element never appears.
      context.setDefaultTimeout(10_000)
      contexts.push(context)
      const page = await context.newPage()
      problems.push(watchPage(page, server.url))
      return page
    },
    pageProblems(expected) {
      return problems.flat().filter((p) => !expected?.test(p))
    },
    async close() {
      try {
        for (const context of contexts) await context.close()
        await browser.close()
        await server.stop()
      } finally {
        await closeMore()
      }
    },
  }
}

/** The platform with its demo territory (see `startServer`), and Chromium. */
export async function startJourney(env: Record<string, string> = {}): Promise<Journey> {
  return openBrowser(await startServer(env), async () => {})
}

/**
 * The same, sending its mails by real SMTP to a receiver the journey reads, with jobs polled
 * often so that mails leave within a test's patience.
 */
export async function startJourneyWithMail(env: Record<string, string> = {}): Promise<JourneyWithMail> {
  const smtp = await startSmtpReceiver()
  let server: E2eServer
  try {
    server = await startServer({ SMTP_URL: smtp.url, JOBS_POLL_MS: '100', ...env })
  } catch (error) {
    await smtp.close()
    throw error
  }
  const journey = await openBrowser(server, () => smtp.close())
  return { ...journey, smtp }
}
