// What a first visit costs in a real browser, now that pages register a service worker: bytes
// transferred for each main page and the JavaScript among them, the worker's own script included
// (fetched by the browser beside the page, so counted here from /sw.js as the browser gets it).
// The aim for a first visit is ≤ 50 KB and ≤ 15 KB of JavaScript. Needs `npm run build:client`
// first; runs the demonstration on a throwaway embedded database and Chromium. Prints figures.
//
//   node --import tsx bench/first-visit.ts
import { readFileSync } from 'node:fs'
import { get } from 'node:http'
import { availableParallelism } from 'node:os'
import type { Page } from 'playwright-core'
import { launchBrowser, newContext } from '../e2e/helpers/browser.ts'
import { startServer } from '../e2e/helpers/server.ts'

const PAGES = ['/', '/annonces', '/besoin-d-aide', '/je-veux-aider', '/connexion', '/hors-ligne']
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

/** Bytes on the wire (headers and compressed bodies) for one fresh load, all and scripts only. */
async function measure(page: Page, path: string): Promise<{ all: number; js: number }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const types = new Map<string, string>()
  let all = 0
  let js = 0
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type))
  cdp.on('Network.loadingFinished', (e) => {
    all += e.encodedDataLength
    if (types.get(e.requestId) === 'Script') js += e.encodedDataLength
  })
  await page.goto(path, { waitUntil: 'networkidle' })
  await cdp.detach()
  return { all, js }
}

/** The worker's script as a browser gets it: compressed body and headers, as fetch would not tell. */
function workerScript(origin: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    get(`${origin}/sw.js`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      let bytes = res.rawHeaders.reduce((sum, h) => sum + h.length + 2, 0) + 17
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length
      })
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'plain') }))
      res.on('error', reject)
    }).on('error', reject)
  })
}

async function main() {
  const server = await startServer({ LOG_LEVEL: 'warn' })
  const browser = await launchBrowser()
  try {
    console.log(
      `node ${process.version}, ${availableParallelism()} cores; /proc/loadavg before: ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
    )
    const worker = await workerScript(server.url)
    const workerBytes = worker.bytes
    console.log(`/sw.js: ${kb(workerBytes)} transferred, headers included (${worker.encoding})`)
    console.log('page              transferred   JS on the page   JS with the worker')
    for (const path of PAGES) {
      // a fresh context per page: a first visit, nothing cached, no worker yet
      const context = await newContext(browser, { baseURL: server.url, serviceWorkers: 'block' })
      const page = await context.newPage()
      const { all, js } = await measure(page, path)
      console.log(
        `${path.padEnd(18)}${kb(all + workerBytes).padStart(11)}   ${kb(js).padStart(14)}   ${kb(js + workerBytes).padStart(18)}`,
      )
      await context.close()
    }
    console.log(`/proc/loadavg after: ${readFileSync('/proc/loadavg', 'utf8').trim()}`)
  } finally {
    await browser.close()
    await server.stop()
  }
}

await main()
