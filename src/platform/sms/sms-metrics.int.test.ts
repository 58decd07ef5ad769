import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { maxBackoffMs } from '../jobs/backoff.ts'
import { territories } from '../tenancy/territory.schema.ts'
import type { Territory } from '../tenancy/territory.ts'

const METRICS_TOKEN = 'jeton-de-collecte-des-mesures-0123456789'
const NUMBER = '+33612345678'

/** A provider on a real local HTTP server that answers the statuses it is given, then 200. */
async function startProvider() {
  const statuses: number[] = []
  const server: Server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const status = statuses.shift() ?? 200
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(status === 200 ? { id: 'fournisseur' } : { error: 'x' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    answer: (...next: number[]) => statuses.push(...next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * An operator sees on /metrics what became of the SMS: a provider that fails, a cap reached or
 * numbers that answered STOP show there before anyone complains that no SMS came.
 */
describe('SMS outcomes on /metrics', () => {
  let provider: Awaited<ReturnType<typeof startProvider>>
  let t: TestApp
  let territory: Territory

  before(async () => {
    provider = await startProvider()
    t = await buildTestApp({
      METRICS_TOKEN,
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: provider.url,
      SMS_HTTP_TOKEN: 'jeton-du-fournisseur-0123456789',
      SMS_SENDER: '36111',
    })
    territory = await makeTerritory(t.app.services)
  })
  after(async () => {
    await t.close()
    await provider.close()
  })

  const send = () =>
    t.app.services.sms.send({
      territory,
      to: NUMBER,
      locale: 'fr',
      purpose: 'test',
      text: { before: 'Bonjour' },
    })
  const outcomes = async () => {
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    assert.equal(res.statusCode, 200)
    return Object.fromEntries(
      [...res.body.matchAll(/^sms_outcomes_total\{outcome="([a-z-]+)"\} (\d+)$/gm)].map((m) => [
        m[1],
        Number(m[2]),
      ]),
    )
  }

  it('counts each try: sent, retried, failed for good, stopped, held back by the cap', async () => {
    const { worker, sms } = t.app.services
    assert.deepEqual(await outcomes(), {})

    await send()
    await worker.runDue()
    assert.deepEqual(await outcomes(), { sent: 1 })

    // A provider down for a moment: the try fails, the next one sends.
    provider.answer(503)
    await send()
    await worker.runDue()
    assert.deepEqual(await outcomes(), { sent: 1, retried: 1 })
    t.clock.advance(maxBackoffMs(1))
    await worker.runDue()
    assert.deepEqual(await outcomes(), { sent: 2, retried: 1 })

    // Refused for good.
    provider.answer(400)
    await send()
    await worker.runDue()
    assert.deepEqual(await outcomes(), { sent: 2, retried: 1, failed: 1 })

    // The number answered STOP after the SMS was queued.
    await send()
    await sms.stop(t.db.db, territory.id, NUMBER)
    await worker.runDue()
    await sms.resume(t.db.db, territory.id, NUMBER)
    assert.deepEqual(await outcomes(), { sent: 2, retried: 1, failed: 1, stopped: 1 })

    // The day's cap already reached.
    await t.db.db.update(territories).set({ smsDailyCap: 1 }).where(eq(territories.id, territory.id))
    await send()
    await worker.runDue()
    assert.deepEqual(await outcomes(), { sent: 2, retried: 1, failed: 1, stopped: 1, 'held-cap': 1 })
  })
})
