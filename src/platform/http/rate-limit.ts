import type { Clock } from '../clock.ts'
import type { Database, DbOrTx } from '../db/client.ts'
import type { WriteBatch } from '../db/write-batch.ts'
import { HttpError } from './problem.ts'
import { clearHits, countHit, deleteStaleHits, hitQuery, readHit } from './rate-limit.repository.ts'

export interface Limit {
  /** hits allowed per window */
  max: number
  windowMs: number
}

/** Limits on sensitive routes; keys hash personal values (an address) before they reach the table. */
export const LIMITS = {
  loginPerAccount: { max: 5, windowMs: 60_000 },
  loginPerIp: { max: 30, windowMs: 60_000 },
  signupPerIp: { max: 10, windowMs: 3_600_000 },
  resetPerAddress: { max: 3, windowMs: 3_600_000 },
  verificationResend: { max: 5, windowMs: 3_600_000 },
  secondFactor: { max: 5, windowMs: 60_000 },
} as const satisfies Record<string, Limit>

export class RateLimitedError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate-limited')
  }
}

/** Counters in PostgreSQL, so a limit holds across every app process behind a load balancer. */
export class RateLimiter {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts a hit; throws RateLimitedError (429 with Retry-After) past the limit. Given the
   * transaction of the write it limits, the hit counts only if that write commits, and the error
   * takes the write back.
   */
  async hit(key: string, limit: Limit, tx?: DbOrTx): Promise<void> {
    const now = this.clock.now()
    const counted = await countHit(tx ?? this.database.db, key, now, new Date(now.getTime() - limit.windowMs))
    this.#refuseBeyond(limit, now, counted)
  }

  /**
   * The same hit, counted with the batch's other writes: running the batch throws
   * RateLimitedError past the limit, and the caller's transaction takes every write back.
   */
  hitWith(batch: WriteBatch, key: string, limit: Limit): void {
    const now = this.clock.now()
    batch.add(hitQuery(key, now, new Date(now.getTime() - limit.windowMs)), ([row]) => {
      if (!row) throw new Error('the rate limit counted no hit')
      this.#refuseBeyond(limit, now, readHit(row as { count: unknown; window_start: unknown }))
    })
  }

  #refuseBeyond(limit: Limit, now: Date, { count, windowStart }: { count: number; windowStart: Date }) {
    if (count <= limit.max) return
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + limit.windowMs - now.getTime()) / 1000))
    throw new RateLimitedError(retryAfter)
  }

  /** After a success (a right password), earlier failures no longer count against the person. */
  reset(key: string): Promise<void> {
    return clearHits(this.database.db, key)
  }

  purge(): Promise<void> {
    return deleteStaleHits(this.database.db, new Date(this.clock.now().getTime() - 86_400_000))
  }
}
