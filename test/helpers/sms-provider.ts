import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buildTestApp, type TestApp } from './app.ts'

/** The bearer token the test provider is configured with. */
export const SMS_PROVIDER_TOKEN = 'jeton-du-fournisseur-0123456789'

export interface Received {
  headers: IncomingMessage['headers']
  body: Record<string, unknown>
}

/** A provider on a real local HTTP server: what it receives, and the statuses it answers in turn. */
export async function startSmsProvider() {
  const received: Received[] = []
  const statuses: number[] = []
  const server: Server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk) => {
      raw += chunk
    })
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) })
      const status = statuses.shift() ?? 200
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(status === 200 ? { id: `fournisseur-${received.length}` } : { error: 'x' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    answer: (...next: number[]) => statuses.push(...next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A test app whose SMS go to a fresh provider, sender 36111; `close` ends both. */
export async function appWithSmsProvider(env: Record<string, string> = {}) {
  const provider = await startSmsProvider()
  const t: TestApp = await buildTestApp({
    SMS_PROVIDER: 'http',
    SMS_HTTP_URL: provider.url,
    SMS_HTTP_TOKEN: SMS_PROVIDER_TOKEN,
    SMS_SENDER: '36111',
    ...env,
  })
  return {
    t,
    provider,
    async close() {
      await t.close()
      await provider.close()
    },
  }
}
