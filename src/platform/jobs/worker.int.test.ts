import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { after, afterEach, before, beforeEach, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { captureLogs, testWorkers } from '../../../test/helpers/workers.ts'
import { FakeClock } from '../clock.ts'
import { maxBackoffMs } from './backoff.ts'
import { jobs as jobTable, recurringJobs } from './job.schema.ts'
import { PermanentJobError } from './job-error.ts'
import { JobWorker } from './worker.ts'

const childFixture = fileURLToPath(new URL('../../../test/fixtures/job-worker-child.ts', import.meta.url))

const CLOCK_START = new FakeClock().now()

describe('jobs: the worker that runs them', () => {
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

  it('retries a failed job later, waiting longer each time', async () => {
    const { jobs } = t.app.services
    let calls = 0
    const worker = newWorker()
    worker.register('test.flaky', async () => {
      calls += 1
      if (calls < 3) throw new Error(`failure ${calls}`)
    })
    const id = await jobs.enqueue('test.flaky', {})
    await worker.runDue()
    let job = await jobs.get(id)
    assert.equal(job?.status, 'pending')
    assert.equal(job?.attempts, 1)
    assert.equal(job?.lastError, 'failure 1')
    const delay = job!.runAt.getTime() - t.clock.now().getTime()
    assert.ok(delay >= maxBackoffMs(1) / 2 && delay <= maxBackoffMs(1), `first retry after ${delay} ms`)

    assert.equal(await worker.runDue(), 0, 'not before its backoff')
    t.clock.advance(maxBackoffMs(1))
    await worker.runDue()
    job = await jobs.get(id)
    assert.equal(job?.attempts, 2)
    assert.ok(
      job!.runAt.getTime() - t.clock.now().getTime() > maxBackoffMs(1) / 2,
      'the second wait is longer',
    )

    t.clock.advance(maxBackoffMs(2))
    await worker.runDue()
    job = await jobs.get(id)
    assert.equal(job?.status, 'done')
    assert.equal(job?.attempts, 3)
    assert.equal(calls, 3)
  })

  it('moves a job that keeps failing to dead letters after its attempts, with a warning', async () => {
    const { jobs } = t.app.services
    const { logger, lines } = captureLogs()
    const worker = new JobWorker(t.db, t.clock, { pollMs: 10, concurrency: 1, logger })
    let calls = 0
    worker.register('test.broken', async () => {
      calls += 1
      throw new Error('always broken')
    })
    const id = await jobs.enqueue('test.broken', {}, { maxAttempts: 3 })
    for (let i = 0; i < 5; i++) {
      await worker.runDue()
      t.clock.advance('6 hours')
    }
    const job = await jobs.get(id)
    assert.equal(job?.status, 'dead')
    assert.equal(job?.attempts, 3)
    assert.equal(job?.lastError, 'always broken')
    assert.equal(calls, 3)
    assert.ok(lines.some((l) => JSON.parse(l).level === 40 && l.includes('job dead')))

    assert.equal(await jobs.retryDead('test.broken'), 1, 'an operator can send dead letters back')
    assert.equal((await jobs.get(id))?.status, 'pending')
  })

  it('sends a job nobody handles, or that cannot succeed, to dead letters at once', async () => {
    const { jobs } = t.app.services
    const worker = newWorker()
    worker.register('test.hopeless', async () => {
      throw new PermanentJobError('payload is malformed')
    })
    const unknown = await jobs.enqueue('test.nobody', {})
    const hopeless = await jobs.enqueue('test.hopeless', {})
    await worker.runDue()
    assert.equal((await jobs.get(unknown))?.status, 'dead')
    assert.match((await jobs.get(unknown))?.lastError ?? '', /no handler is registered for job "test.nobody"/)
    assert.equal((await jobs.get(hopeless))?.status, 'dead')
    assert.equal((await jobs.get(hopeless))?.attempts, 1)
  })

  it('takes over a job whose process died mid-run, once its lease has passed', async () => {
    const { jobs } = t.app.services
    const leaseMs = 60_000
    const id = await jobs.enqueue('test.crash', {})
    const url = t.db.pool?.options.connectionString
    assert.equal(Boolean(url), Boolean(process.env.DATABASE_URL))
    if (url) {
      // PostgreSQL: a real second process claims the job, then is killed in the middle of it.
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', childFixture, url, t.clock.now().toISOString(), 'test.crash', String(leaseMs)],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      )
      const [line] = (await once(child.stdout, 'data')) as [Buffer]
      assert.match(line.toString(), new RegExp(`running ${id} 1`))
      const exited = once(child, 'exit')
      child.kill('SIGKILL')
      await exited
    } else {
      // PGlite: no second process may open the data directory. A worker of this process claims
      // the job for real and never finishes it, leaving the row exactly as a dead process would.
      const dying = new JobWorker(t.db, t.clock, {
        pollMs: 10,
        concurrency: 1,
        logger: captureLogs().logger,
        leaseMs,
      })
      let started!: () => void
      const running = new Promise<void>((resolve) => {
        started = resolve
      })
      dying.register('test.crash', () => {
        started()
        return new Promise<void>(() => {})
      })
      void dying.runDue()
      await running
    }
    const abandoned = await jobs.get(id)
    assert.equal(abandoned?.status, 'running')
    assert.equal(abandoned?.attempts, 1)

    const attempts: number[] = []
    const survivor = newWorker({ leaseMs })
    survivor.register('test.crash', async (_payload, ctx) => {
      attempts.push(ctx.attempt)
    })
    assert.equal(await survivor.runDue(), 0, 'not while the lease holds')
    t.clock.advance(leaseMs + 1000)
    assert.equal(await survivor.runDue(), 1)
    assert.deepEqual(attempts, [2], 'the lost run counts as an attempt')
    const job = await jobs.get(id)
    assert.equal(job?.status, 'done')
    assert.equal(job?.attempts, 2)
  })

  it('runs jobs in the background and lets the running ones finish on stop', async () => {
    const { jobs } = t.app.services
    const worker = newWorker()
    let finished = false
    let started!: () => void
    const running = new Promise<void>((resolve) => {
      started = resolve
    })
    worker.register('test.slow', async () => {
      started()
      await new Promise((resolve) => setTimeout(resolve, 150))
      finished = true
    })
    const id = await jobs.enqueue('test.slow', {})
    worker.start()
    await running
    await worker.stop()
    assert.equal(finished, true)
    assert.equal((await jobs.get(id))?.status, 'done')
  })

  it('shares the work between workers polling together, running each job once', async () => {
    const { jobs } = t.app.services
    const runs = new Map<string, number>()
    const pool = [newWorker({ workerId: 'a' }), newWorker({ workerId: 'b' }), newWorker({ workerId: 'c' })]
    for (const worker of pool) {
      worker.register('test.share', async (_payload, ctx) => {
        runs.set(ctx.jobId, (runs.get(ctx.jobId) ?? 0) + 1)
        await new Promise((resolve) => setTimeout(resolve, 5))
      })
    }
    const ids = await Promise.all(Array.from({ length: 30 }, (_, n) => jobs.enqueue('test.share', { n })))
    for (const worker of pool) worker.start()
    const doneCount = async () =>
      (await jobs.listByName('test.share')).filter((j) => j.status === 'done').length
    for (let i = 0; i < 500 && (await doneCount()) < ids.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await Promise.all(pool.map((w) => w.stop()))
    assert.equal(await doneCount(), ids.length)
    assert.deepEqual(
      [...runs.values()],
      ids.map(() => 1),
    )
  })
})
