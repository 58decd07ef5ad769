import assert from 'node:assert/strict'
import { after, afterEach, before, beforeEach, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { testWorkers } from '../../../test/helpers/workers.ts'
import { FakeClock } from '../clock.ts'
import { jobs as jobTable, recurringJobs } from './job.schema.ts'
import { type JobContext, PURGE_JOBS } from './worker.ts'

const CLOCK_START = new FakeClock().now()

describe('jobs: a durable queue in the database', () => {
  let t: TestApp
  const { newWorker, stopAll } = testWorkers(() => t)

  // One database for the file, its queue emptied and its clock set back before each test: a
  // fresh copy per test cost far more than the tests themselves.
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())
  beforeEach(async () => {
    t.clock.set(CLOCK_START)
    await t.db.db.delete(jobTable)
    await t.db.db.delete(recurringJobs)
  })
  afterEach(() => stopAll())

  it('runs an enqueued job once, with its payload', async () => {
    const { jobs } = t.app.services
    const seen: [Record<string, unknown>, JobContext][] = []
    const worker = newWorker()
    worker.register('test.echo', async (payload, ctx) => {
      seen.push([payload, ctx])
    })
    const id = await jobs.enqueue('test.echo', { n: 1 })
    assert.equal(await worker.runDue(), 1)
    assert.deepEqual(seen, [[{ n: 1 }, { jobId: id, attempt: 1, territoryId: null }]])
    const job = await jobs.get(id)
    assert.equal(job?.status, 'done')
    assert.equal(job?.finishedAt?.toISOString(), t.clock.now().toISOString())
    assert.equal(await worker.runDue(), 0)
  })

  it('waits for the time a job was scheduled at', async () => {
    const worker = newWorker()
    worker.register('test.later', async () => {})
    await t.app.services.jobs.enqueue(
      'test.later',
      {},
      { runAt: new Date(t.clock.now().getTime() + 3_600_000) },
    )
    assert.equal(await worker.runDue(), 0)
    t.clock.advance('1 hour')
    assert.equal(await worker.runDue(), 1)
  })

  it('enqueues a job once per dedupe key', async () => {
    const { jobs } = t.app.services
    const first = await jobs.enqueue('test.once', { n: 1 }, { dedupeKey: 'once:42' })
    const second = await jobs.enqueue('test.once', { n: 2 }, { dedupeKey: 'once:42' })
    assert.equal(second, first)
    assert.equal((await jobs.listByName('test.once')).length, 1)
  })

  it('writes a job in the caller’s transaction: a rollback leaves none', async () => {
    const { jobs } = t.app.services
    let id = ''
    await assert.rejects(
      t.db.db.transaction(async (tx) => {
        id = await jobs.enqueue('test.in-tx', {}, { tx })
        throw new Error('the change fails')
      }),
      /the change fails/,
    )
    assert.equal(await jobs.get(id), null)
    await t.db.db.transaction(async (tx) => {
      id = await jobs.enqueue('test.in-tx', {}, { tx })
    })
    assert.equal((await jobs.get(id))?.status, 'pending')
  })

  it('enqueues a recurring job once per slot, even with two workers', async () => {
    const { jobs } = t.app.services
    await jobs.scheduleRecurring('test.digest', 3600)
    await jobs.scheduleRecurring('test.digest', 3600)
    const slots: unknown[] = []
    const [a, b] = [newWorker({ workerId: 'a' }), newWorker({ workerId: 'b' })]
    for (const worker of [a, b]) {
      worker.register('test.digest', async (payload) => {
        slots.push(payload.slot)
      })
    }
    await Promise.all([a.runDue(), b.runDue()])
    await Promise.all([a.runDue(), b.runDue()])
    assert.deepEqual(slots, ['2026-03-16T09:00:00.000Z'])
    t.clock.advance('1 hour')
    await Promise.all([a.runDue(), b.runDue()])
    t.clock.advance('5 hours')
    await Promise.all([a.runDue(), b.runDue()])
    assert.deepEqual(slots, [
      '2026-03-16T09:00:00.000Z',
      '2026-03-16T10:00:00.000Z',
      '2026-03-16T15:00:00.000Z',
    ])
    assert.equal((await jobs.listByName('test.digest')).length, 3)
  })

  it('purges finished jobs after a week and dead letters after a month', async () => {
    const { jobs } = t.app.services
    const worker = newWorker()
    worker.register('test.old', async () => {})
    const done = await jobs.enqueue('test.old', {})
    const dead = await jobs.enqueue('test.unhandled', {})
    await worker.runDue()
    const pending = await jobs.enqueue(
      'test.old',
      {},
      { runAt: new Date(t.clock.now().getTime() + 60 * 86_400_000) },
    )
    t.clock.advance('8 days')
    await jobs.enqueue(PURGE_JOBS, {})
    await worker.runDue()
    assert.equal(await jobs.get(done), null)
    assert.equal((await jobs.get(dead))?.status, 'dead', 'dead letters stay for the operator a while longer')
    t.clock.advance('30 days')
    await jobs.enqueue(PURGE_JOBS, {})
    await worker.runDue()
    assert.equal(await jobs.get(dead), null)
    assert.equal((await jobs.get(pending))?.status, 'pending')
  })
})
