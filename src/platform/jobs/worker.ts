import { hostname } from 'node:os'
import type { FastifyBaseLogger } from 'fastify'
import { type Clock, type IdGenerator, randomIds } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { backoffMs } from './backoff.ts'
import {
  advanceRecurring,
  anyRecurringDue,
  claimDueJobs,
  deleteFinishedJobs,
  extendLease,
  insertJob,
  type Job,
  type Lease,
  lockDueRecurring,
  markDead,
  markDone,
  markRetry,
  upsertRecurring,
} from './job.repository.ts'
import { PermanentJobError, safeErrorMessage } from './job-error.ts'
import { currentSlot, slotKey } from './recurrence.ts'

export interface JobContext {
  jobId: string
  /** 1 on the first try */
  attempt: number
  territoryId: string | null
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>

export interface WorkerOptions {
  pollMs: number
  concurrency: number
  logger: FastifyBaseLogger
  /** how long a claimed job belongs to this process before another may take it over */
  leaseMs?: number
  workerId?: string
  /** ids of the jobs enqueued for recurring schedules */
  ids?: IdGenerator
}

const DEFAULT_LEASE_MS = 5 * 60_000
/** A handler that enqueues itself forever must not keep runDue() from returning. */
const MAX_ROUNDS = 1000
const DAY_MS = 86_400_000
/** Built in: deletes finished jobs, whose payloads may hold personal data, after a week (dead letters after a month). */
export const PURGE_JOBS = 'jobs.purge'

/**
 * Runs the queue's jobs in this process. Every app process runs one: claims are atomic in the
 * database, so they share the work. Delivery is at least once: a job whose process dies is
 * taken again when its lease passes, so handlers must tolerate running twice.
 */
export class JobWorker {
  readonly id: string
  readonly #handlers = new Map<string, JobHandler>()
  readonly #running = new Set<Promise<void>>()
  readonly #leaseMs: number
  readonly #ids: IdGenerator
  #loop: Promise<void> | null = null
  #stopping = false
  #wake: (() => void) | null = null

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly options: WorkerOptions,
  ) {
    this.id = options.workerId ?? `${hostname()}:${process.pid}:${randomIds().slice(0, 8)}`
    this.#leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
    this.#ids = options.ids ?? randomIds
    this.register(PURGE_JOBS, async () => {
      const now = this.clock.now().getTime()
      const deleted = await deleteFinishedJobs(this.database.db, {
        done: new Date(now - 7 * DAY_MS),
        dead: new Date(now - 30 * DAY_MS),
      })
      this.options.logger.info({ deleted }, 'finished jobs purged')
    })
  }

  /** for a handler's own summary line (how much it did); failures are logged by the worker */
  get logger(): FastifyBaseLogger {
    return this.options.logger
  }

  register(name: string, handler: JobHandler): void {
    if (this.#handlers.has(name)) throw new Error(`a handler for job "${name}" is already registered`)
    this.#handlers.set(name, handler)
  }

  start(): void {
    if (this.#loop) return
    this.#stopping = false
    this.#loop = this.#poll()
    upsertRecurring(this.database.db, {
      name: PURGE_JOBS,
      intervalSeconds: 86_400,
      firstRunAt: this.clock.now(),
    }).catch((error) =>
      this.options.logger.warn({ error: safeErrorMessage(error) }, 'could not schedule the job purge'),
    )
  }

  /** Stops claiming, then waits for the jobs already running, so a deploy interrupts none of them. */
  async stop(): Promise<void> {
    this.#stopping = true
    this.#wake?.()
    await this.#loop
    this.#loop = null
    await Promise.allSettled([...this.#running])
  }

  /** Claims and runs everything due now, batch after batch; for tests and the command line. */
  async runDue(): Promise<number> {
    let ran = 0
    await this.#enqueueRecurring()
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const claimed = await this.#claim(this.options.concurrency)
      if (claimed.length === 0) break
      await Promise.all(claimed.map((job) => this.#launch(job)))
      ran += claimed.length
    }
    return ran
  }

  async #poll(): Promise<void> {
    while (!this.#stopping) {
      const free = this.options.concurrency - this.#running.size
      if (free <= 0) {
        await Promise.race(this.#running)
        continue
      }
      let claimed = 0
      try {
        await this.#enqueueRecurring()
        const jobs = await this.#claim(free)
        for (const job of jobs) void this.#launch(job)
        claimed = jobs.length
      } catch (error) {
        // The database may be restarting; the jobs wait in it, so polling again later loses nothing.
        this.options.logger.warn({ worker: this.id, error: safeErrorMessage(error) }, 'job polling failed')
      }
      // A full batch means more may be due: claim again as soon as a slot frees.
      if (claimed < free) await this.#sleep(this.options.pollMs)
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.#stopping) return resolve()
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.#wake = done
    })
  }

  #claim(limit: number): Promise<Job[]> {
    const now = this.clock.now()
    return claimDueJobs(this.database.db, {
      now,
      lockedUntil: new Date(now.getTime() + this.#leaseMs),
      workerId: this.id,
      limit,
    })
  }

  #launch(job: Job): Promise<void> {
    const run = this.#run(job).catch((error) => {
      // Only the bookkeeping can fail here (database gone): the lease expires and another try follows.
      this.options.logger.error(
        { job: job.id, jobName: job.name, error: safeErrorMessage(error) },
        'job bookkeeping failed',
      )
    })
    this.#running.add(run)
    return run.finally(() => this.#running.delete(run))
  }

  async #run(job: Job): Promise<void> {
    const lease: Lease = { id: job.id, workerId: this.id, attempt: job.attempts }
    const log = { job: job.id, jobName: job.name, attempt: job.attempts, maxAttempts: job.maxAttempts }
    const db = this.database.db
    const handler = this.#handlers.get(job.name)
    if (!handler) {
      await markDead(db, lease, this.clock.now(), `no handler is registered for job "${job.name}"`)
      this.options.logger.warn(log, 'job dead: unknown job name')
      return
    }
    if (job.attempts > job.maxAttempts) {
      // The process running the last allowed try died: trying once more would exceed the limit.
      await markDead(db, lease, this.clock.now(), job.lastError ?? 'the process running the job stopped')
      this.options.logger.warn(log, 'job dead: attempts exhausted')
      return
    }
    const heartbeat = setInterval(() => {
      extendLease(db, lease, new Date(this.clock.now().getTime() + this.#leaseMs)).catch(() => {})
    }, this.#leaseMs / 3)
    heartbeat.unref()
    try {
      await handler(job.payload, { jobId: job.id, attempt: job.attempts, territoryId: job.territoryId })
    } catch (error) {
      await this.#failed(job, lease, error, log)
      return
    } finally {
      clearInterval(heartbeat)
    }
    if (!(await markDone(db, lease, this.clock.now()))) {
      this.options.logger.warn(log, 'job finished after its lease passed to another worker')
    }
  }

  async #failed(job: Job, lease: Lease, error: unknown, log: Record<string, unknown>): Promise<void> {
    const message = safeErrorMessage(error)
    const now = this.clock.now()
    if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
      await markDead(this.database.db, lease, now, message)
      this.options.logger.warn({ ...log, error: message }, 'job dead after failing')
      return
    }
    const runAt = new Date(now.getTime() + backoffMs(job.attempts))
    await markRetry(this.database.db, lease, runAt, message)
    this.options.logger.info(
      { ...log, error: message, retryAt: runAt.toISOString() },
      'job failed, will retry',
    )
  }

  /**
   * Enqueues one job per due schedule. The schedule row is locked and advanced in the same
   * transaction as the insert, and the job's key names its slot: two processes polling
   * together create it once.
   */
  async #enqueueRecurring(): Promise<void> {
    const now = this.clock.now()
    if (!(await anyRecurringDue(this.database.db, now))) return
    await this.database.db.transaction(async (tx) => {
      for (const schedule of await lockDueRecurring(tx, now)) {
        const { slot, next } = currentSlot(schedule.nextRunAt, schedule.intervalSeconds, now)
        await insertJob(tx, {
          id: this.#ids(),
          territoryId: null,
          name: schedule.name,
          payload: { slot: slot.toISOString() },
          runAt: now,
          maxAttempts: 3,
          dedupeKey: slotKey(schedule.name, slot),
          createdAt: now,
        })
        await advanceRecurring(tx, schedule.name, next)
      }
    })
  }
}
