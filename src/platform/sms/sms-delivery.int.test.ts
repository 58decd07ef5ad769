import assert from 'node:assert/strict'
import { after, afterEach, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import pino from 'pino'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import {
  appWithSmsProvider,
  SMS_PROVIDER_TOKEN,
  type startSmsProvider,
} from '../../../test/helpers/sms-provider.ts'
import { maxBackoffMs } from '../jobs/backoff.ts'
import { jobs as jobTable } from '../jobs/job.schema.ts'
import { JobWorker } from '../jobs/worker.ts'
import type { Territory } from '../tenancy/territory.ts'
import { listDevSms } from './sms.repository.ts'
import { smsLog } from './sms.schema.ts'
import { Sms } from './sms.ts'

const NUMBER = '+33612345678'
describe('SMS through an HTTP provider', () => {
  let sms: Awaited<ReturnType<typeof appWithSmsProvider>>
  let provider: Awaited<ReturnType<typeof startSmsProvider>>
  let t: TestApp
  let territory: Territory

  before(async () => {
    sms = await appWithSmsProvider()
    ;({ t, provider } = sms)
    territory = await makeTerritory(t.app.services, { platformName: 'Entraide Calvados' })
  })
  after(() => sms.close())
  afterEach(() => {
    provider.received.length = 0
  })

  const send = (text = 'Un bénévole va vous appeler.') =>
    t.app.services.sms.send({
      territory,
      to: NUMBER,
      locale: 'fr',
      purpose: 'test',
      text: { before: 'Entraide Calvados : ', variable: text },
    })
  const logOf = async (id: string) => (await t.db.db.select().from(smsLog).where(eq(smsLog.id, id)))[0]!

  it('posts JSON with the bearer token, the sender, the number, the text and the job as reference', async () => {
    const id = (await send())!
    assert.equal(await t.app.services.worker.runDue(), 1)
    assert.equal(provider.received.length, 1)
    const [request] = provider.received
    assert.equal(request!.headers.authorization, `Bearer ${SMS_PROVIDER_TOKEN}`)
    assert.match(request!.headers['content-type'] ?? '', /^application\/json/)
    assert.equal(request!.headers['idempotency-key'], id)
    assert.deepEqual(request!.body, {
      from: '36111',
      to: NUMBER,
      text: 'Entraide Calvados : Un bénévole va vous appeler. STOP au 36111',
      reference: id,
    })
    const log = await logOf(id)
    assert.equal(log.status, 'sent')
    assert.equal(log.providerId, 'fournisseur-1')
    assert.equal((await t.app.services.jobs.get(id))?.status, 'done')
  })

  it('tries again after a 500 and sends once; a retry counts nothing more against the cap', async () => {
    provider.answer(500)
    const before = await t.app.services.sms.today(territory.id)
    const id = (await send())!
    await t.app.services.worker.runDue()
    assert.equal((await t.app.services.jobs.get(id))?.status, 'pending')
    assert.match((await t.app.services.jobs.get(id))?.lastError ?? '', /answered 500/)
    assert.equal(await t.app.services.worker.runDue(), 0, 'waits for its backoff')
    t.clock.advance(maxBackoffMs(1))
    await t.app.services.worker.runDue()
    assert.equal((await t.app.services.jobs.get(id))?.status, 'done')
    assert.equal(provider.received.length, 2)
    assert.equal(provider.received[0]!.body.reference, provider.received[1]!.body.reference)
    assert.equal((await logOf(id)).status, 'sent')
    assert.deepEqual(await t.app.services.sms.today(territory.id), { sent: before.sent + 1, held: 0 })
  })

  it('does not try again after a 4xx refusal: the job is dead and the SMS marked failed', async () => {
    provider.answer(400)
    const id = (await send())!
    await t.app.services.worker.runDue()
    t.clock.advance(maxBackoffMs(5))
    await t.app.services.worker.runDue()
    assert.equal(provider.received.length, 1)
    assert.equal((await t.app.services.jobs.get(id))?.status, 'dead')
    assert.equal((await logOf(id)).status, 'failed')
  })

  it('writes no phone number to the logs nor to the job when the provider fails', async () => {
    const lines: string[] = []
    const logger = pino({ level: 'trace' }, { write: (line: string) => lines.push(line) })
    const worker = new JobWorker(t.db, t.clock, { pollMs: 10, concurrency: 1, logger })
    // its own Sms on this worker, on the same database and provider
    new Sms({ ...t.app.services, worker })
    provider.answer(503)
    const id = (await send())!
    await worker.runDue()
    const job = await t.app.services.jobs.get(id)
    assert.ok(lines.some((l) => l.includes('job failed')))
    for (const text of [...lines, job?.lastError ?? '', JSON.stringify(job?.payload)])
      assert.doesNotMatch(text, /612345678|6 12 34|bénévole/)
    t.clock.advance(maxBackoffMs(1))
    await worker.runDue()
  })

  it('sends nothing written in a transaction that rolls back', async () => {
    await assert.rejects(
      t.db.db.transaction(async (tx) => {
        await t.app.services.sms.send({
          tx,
          territory,
          to: NUMBER,
          locale: 'fr',
          purpose: 'test',
          text: { before: 'rien' },
        })
        throw new Error('the change fails')
      }),
    )
    assert.equal(await t.app.services.worker.runDue(), 0)
    assert.equal(provider.received.length, 0)
  })
})

describe('SMS in the development outbox', () => {
  let t: TestApp
  let territory: Territory
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  it('adds no second copy when a try that had sent is run again after a crash', async () => {
    const { sms, worker } = t.app.services
    const id = (await sms.send({
      territory,
      to: NUMBER,
      locale: 'fr',
      purpose: 'test',
      text: { before: 'Bonjour' },
    }))!
    await worker.runDue()
    // The process died after the send, before the job was marked done: its lease passes, another takes it.
    await t.db.db.update(jobTable).set({ status: 'pending', finishedAt: null }).where(eq(jobTable.id, id))
    await t.db.db.update(smsLog).set({ status: 'sending' }).where(eq(smsLog.id, id))
    assert.equal(await worker.runDue(), 1)
    const copies = (await listDevSms(t.db.db, null, 50)).filter((s) => s.id === id)
    assert.equal(copies.length, 1)
    assert.equal(copies[0]!.body, 'Bonjour STOP au 36000')
    assert.deepEqual(await sms.today(territory.id), { sent: 1, held: 0 })
  })

  it('refuses a number that is not E.164 without naming it', async () => {
    await assert.rejects(
      t.app.services.sms.send({
        territory,
        to: '0612345678',
        locale: 'fr',
        purpose: 'test',
        text: { before: 'x' },
      }),
      (error: Error) => error.message === 'invalid SMS recipient',
    )
  })
})
