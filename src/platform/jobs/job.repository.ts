import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { type JobStatus, jobs, recurringJobs } from './job.schema.ts'

export interface Job {
  id: string
  territoryId: string | null
  name: string
  payload: Record<string, unknown>
  status: JobStatus
  attempts: number
  maxAttempts: number
  runAt: Date
  lockedUntil: Date | null
  lockedBy: string | null
  lastError: string | null
  dedupeKey: string | null
  finishedAt: Date | null
}

export interface NewJob {
  id: string
  territoryId: string | null
  name: string
  payload: Record<string, unknown>
  runAt: Date
  maxAttempts: number
  dedupeKey: string | null
  createdAt: Date
}

function toJob(row: typeof jobs.$inferSelect): Job {
  const { createdAt: _created, ...job } = row
  return job
}

/** Inserts the job, or returns the id of the job that already holds its dedupe key. */
/** The INSERT of a job without a dedupe key, not sent: for a batch of writes (write-batch.ts). */
export function jobInsert(db: DbOrTx, job: NewJob) {
  return db.insert(jobs).values({ ...job, status: 'pending' })
}

export async function insertJob(db: DbOrTx, job: NewJob): Promise<string> {
  const [inserted] = await db
    .insert(jobs)
    .values({ ...job, status: 'pending' })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id })
  if (inserted) return inserted.id
  const [existing] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.dedupeKey, job.dedupeKey ?? ''))
  if (!existing) throw new Error('job insert conflicted but no job holds its dedupe key')
  return existing.id
}

/**
 * Inserts the job unless a job already holds its dedupe key (ON CONFLICT DO NOTHING), in one
 * statement; true when this call wrote it.
 */
export async function insertJobOnce(db: DbOrTx, job: NewJob & { dedupeKey: string }): Promise<boolean> {
  const inserted = await db
    .insert(jobs)
    .values({ ...job, status: 'pending' })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id })
  return inserted.length > 0
}

export async function findJob(db: DbOrTx, id: string): Promise<Job | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id))
  return row ? toJob(row) : null
}

export async function listJobsByName(db: DbOrTx, name: string): Promise<Job[]> {
  const rows = await db.select().from(jobs).where(eq(jobs.name, name)).orderBy(asc(jobs.runAt))
  return rows.map(toJob)
}

/**
 * Takes up to `limit` due jobs for this worker in one statement: pending jobs whose time has
 * come, and running jobs whose lease has passed (their process died). SKIP LOCKED lets several
 * processes claim at once without waiting on each other or taking the same job.
 */
export async function claimDueJobs(
  db: DbOrTx,
  claim: { now: Date; lockedUntil: Date; workerId: string; limit: number },
): Promise<Job[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      or(
        and(eq(jobs.status, 'pending'), lte(jobs.runAt, claim.now)),
        and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, claim.now)),
      ),
    )
    .orderBy(asc(jobs.runAt))
    .limit(claim.limit)
    .for('update', { skipLocked: true })
  const rows = await db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: claim.lockedUntil,
      lockedBy: claim.workerId,
    })
    .where(inArray(jobs.id, due))
    .returning()
  return rows.map(toJob).sort((a, b) => a.runAt.getTime() - b.runAt.getTime())
}

/** The claim this worker holds; a write guarded by it does nothing once another process took the job over. */
export interface Lease {
  id: string
  workerId: string
  attempt: number
}

function held(lease: Lease) {
  return and(
    eq(jobs.id, lease.id),
    eq(jobs.status, 'running'),
    eq(jobs.lockedBy, lease.workerId),
    eq(jobs.attempts, lease.attempt),
  )
}

export async function extendLease(db: DbOrTx, lease: Lease, lockedUntil: Date): Promise<boolean> {
  const rows = await db.update(jobs).set({ lockedUntil }).where(held(lease)).returning({ id: jobs.id })
  return rows.length > 0
}

export async function markDone(db: DbOrTx, lease: Lease, now: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'done', finishedAt: now, lockedUntil: null, lockedBy: null, lastError: null })
    .where(held(lease))
    .returning({ id: jobs.id })
  return rows.length > 0
}

export async function markRetry(db: DbOrTx, lease: Lease, runAt: Date, error: string): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'pending', runAt, lockedUntil: null, lockedBy: null, lastError: error })
    .where(held(lease))
    .returning({ id: jobs.id })
  return rows.length > 0
}

export async function markDead(db: DbOrTx, lease: Lease, now: Date, error: string): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'dead', finishedAt: now, lockedUntil: null, lockedBy: null, lastError: error })
    .where(held(lease))
    .returning({ id: jobs.id })
  return rows.length > 0
}

/** Gives dead letters a fresh set of attempts, once an operator has fixed what killed them. */
export async function requeueDead(db: DbOrTx, now: Date, name?: string): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({ status: 'pending', attempts: 0, runAt: now, finishedAt: null })
    .where(name ? and(eq(jobs.status, 'dead'), eq(jobs.name, name)) : eq(jobs.status, 'dead'))
    .returning({ id: jobs.id })
  return rows.length
}

/** Finished jobs hold their payload (a mail's address and text): they are kept only as long as useful. */
export async function deleteFinishedJobs(db: DbOrTx, before: { done: Date; dead: Date }): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(
      or(
        and(eq(jobs.status, 'done'), lt(jobs.finishedAt, before.done)),
        and(eq(jobs.status, 'dead'), lt(jobs.finishedAt, before.dead)),
      ),
    )
    .returning({ id: jobs.id })
  return rows.length
}

export async function countJobsByStatus(db: DbOrTx): Promise<Record<JobStatus, number>> {
  const rows = await db
    .select({ status: jobs.status, n: sql<number>`count(*)::int` })
    .from(jobs)
    .groupBy(jobs.status)
  const counts: Record<JobStatus, number> = { pending: 0, running: 0, done: 0, dead: 0 }
  for (const row of rows) counts[row.status] = row.n
  return counts
}

/** Jobs waiting for a worker now: the queue depth an operator watches (a growing one means stuck workers). */
export async function countDueJobs(db: DbOrTx, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobs)
    .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)))
  return row?.n ?? 0
}

/** Keeps the schedule already running when the interval is unchanged, so a restart does not shift it. */
export async function upsertRecurring(
  db: DbOrTx,
  recurring: { name: string; intervalSeconds: number; firstRunAt: Date },
): Promise<void> {
  await db
    .insert(recurringJobs)
    .values({
      name: recurring.name,
      intervalSeconds: recurring.intervalSeconds,
      nextRunAt: recurring.firstRunAt,
    })
    .onConflictDoUpdate({ target: recurringJobs.name, set: { intervalSeconds: recurring.intervalSeconds } })
}

export async function anyRecurringDue(db: DbOrTx, now: Date): Promise<boolean> {
  const rows = await db
    .select({ name: recurringJobs.name })
    .from(recurringJobs)
    .where(lte(recurringJobs.nextRunAt, now))
    .limit(1)
  return rows.length > 0
}

/** Locks the due schedules inside the caller's transaction; another process skips them meanwhile. */
export async function lockDueRecurring(
  tx: DbOrTx,
  now: Date,
): Promise<{ name: string; intervalSeconds: number; nextRunAt: Date }[]> {
  return tx
    .select()
    .from(recurringJobs)
    .where(lte(recurringJobs.nextRunAt, now))
    .for('update', { skipLocked: true })
}

export async function advanceRecurring(tx: DbOrTx, name: string, nextRunAt: Date): Promise<void> {
  await tx.update(recurringJobs).set({ nextRunAt }).where(eq(recurringJobs.name, name))
}
