import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { appWithSmsProvider, type startSmsProvider } from '../../../test/helpers/sms-provider.ts'
import { maxBackoffMs } from '../jobs/backoff.ts'
import { territories } from '../tenancy/territory.schema.ts'
import type { Territory } from '../tenancy/territory.ts'

const METRICS_TOKEN = 'jeton-de-collecte-des-mesures-0123456789'
const NUMBER = '+33612345678'

/**
 * An operator sees on /metrics what became of the SMS: a provider that fails, a cap reached or
 * numbers that answered STOP show there before anyone complains that no SMS came.
 */
describe('SMS outcomes on /metrics', () => {
  let sms: Awaited<ReturnType<typeof appWithSmsProvider>>
  let provider: Awaited<ReturnType<typeof startSmsProvider>>
  let t: TestApp
  let territory: Territory

  before(async () => {
    sms = await appWithSmsProvider({ METRICS_TOKEN })
    ;({ t, provider } = sms)
    territory = await makeTerritory(t.app.services)
  })
  after(() => sms.close())

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
