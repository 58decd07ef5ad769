import type { Clock, IdGenerator } from '../clock.ts'
import type { Database, DbOrTx } from '../db/client.ts'
import type { WriteBatch } from '../db/write-batch.ts'
import {
  countDueJobs,
  countJobsByStatus,
  findJob,
  insertJob,
  insertJobOnce,
  type Job,
  jobInsert,
  listJobsByName,
  type NewJob,
  requeueDead,
  upsertRecurring,
} from './job.repository.ts'

export type { Job }

export interface EnqueueOptions {
  territoryId?: string | null
  /** not before this time; now when absent */
  runAt?: Date
  /** tries before the job becomes a dead letter */
  maxAttempts?: number
  /** a second enqueue with the same key does nothing and returns the first job's id */
  dedupeKey?: string
  /** the caller's transaction: the job exists only if that transaction commits */
  tx?: DbOrTx
  /** written with the batch's other writes when the caller runs it, in `tx` (no dedupe key then) */
  batch?: WriteBatch
}

export const DEFAULT_MAX_ATTEMPTS = 8

/**
 * The durable queue: a job is a row, so it survives restarts and is written in the same
 * transaction as the change that calls for it (no mail about an order that was rolled back).
 */
export class JobQueue {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async enqueue(
    name: string,
    payload: Record<string, unknown>,
    options: EnqueueOptions = {},
  ): Promise<string> {
    const row = this.#row(name, payload, options)
    if (!options.batch) return insertJob(options.tx ?? this.database.db, row)
    // The id is known before the write: a job without a dedupe key is always inserted.
    if (row.dedupeKey !== null) throw new Error('a job with a dedupe key cannot join a batch')
    options.batch.add(jobInsert(options.tx ?? this.database.db, row))
    return row.id as string
  }

  /**
   * The job for this key, unless one already holds it: one statement, for a debounced job that
   * many writes ask for (a conversation's mail). True when this call queued it.
   */
  enqueueOnce(
    name: string,
    payload: Record<string, unknown>,
    options: EnqueueOptions & { dedupeKey: string },
  ): Promise<boolean> {
    const job = { ...this.#row(name, payload, options), dedupeKey: options.dedupeKey }
    return insertJobOnce(options.tx ?? this.database.db, job)
  }

  #row(name: string, payload: Record<string, unknown>, options: EnqueueOptions): NewJob {
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
      throw new Error(`maxAttempts must be a positive integer`)
    const now = this.clock.now()
    return {
      id: this.ids(),
      territoryId: options.territoryId ?? null,
      name,
      payload,
      runAt: options.runAt ?? now,
      maxAttempts,
      dedupeKey: options.dedupeKey ?? null,
      createdAt: now,
    }
  }

  /**
   * Declares a job that every process's worker enqueues once per interval (purges, digests).
   * Safe to call at every start from every process: the schedule is one row per name.
   */
  async scheduleRecurring(
    name: string,
    intervalSeconds: number,
    options: { firstRunAt?: Date } = {},
  ): Promise<void> {
    if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1)
      throw new Error('interval must be whole seconds')
    await upsertRecurring(this.database.db, {
      name,
      intervalSeconds,
      firstRunAt: options.firstRunAt ?? this.clock.now(),
    })
  }

  get(id: string): Promise<Job | null> {
    return findJob(this.database.db, id)
  }

  listByName(name: string): Promise<Job[]> {
    return listJobsByName(this.database.db, name)
  }

  counts() {
    return countJobsByStatus(this.database.db)
  }

  countDue(): Promise<number> {
    return countDueJobs(this.database.db, this.clock.now())
  }

  /** For the operator once the cause is fixed (mail server back, bug deployed): dead letters run again. */
  retryDead(name?: string): Promise<number> {
    return requeueDead(this.database.db, this.clock.now(), name)
  }
}
