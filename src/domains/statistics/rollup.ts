import { performance } from 'node:perf_hooks'
import type { AppServices } from '../../platform/services.ts'
import {
  analyzeWhenGrown,
  countOrphans,
  foldActors,
  foldFirstResponses,
  foldFulfilments,
  foldPlainEvents,
  lockCursor,
  moveCursor,
  nextBatch,
  recordPostings,
  settledHighWater,
} from './rollup.repository.ts'

export interface FoldOptions {
  /** events per transaction */
  batch?: number
  /** stop starting new batches after this long; the next run goes on from the cursor */
  budgetMs?: number
  /** how long to wait for the writers of events to finish before giving up until the next run */
  lockTimeoutMs?: number
}

export interface FoldResult {
  /** events read past the cursor */
  events: number
  batches: number
  /** responses and fulfilments of listings whose posting is not among the events */
  skipped: number
  /** the cursor after the fold */
  lastEventId: number
  /** true when writers of events held their table past the lock timeout: nothing was folded this time */
  deferred: boolean
}

const LOCK_NOT_AVAILABLE = '55P03'

/**
 * Folds the events written since the last fold into the rollups, a batch per transaction: the
 * batch's counts, its listings' postings and first responses, its volunteers and the cursor move
 * together or not at all, so a crash leaves the batch for the next run and a retry counts it once.
 * Two folds at once wait for each other on the cursor's row and never take the same events.
 */
export async function foldNewEvents(services: AppServices, options: FoldOptions = {}): Promise<FoldResult> {
  const { batch = 10_000, budgetMs = 50_000, lockTimeoutMs = 5_000 } = options
  const { db } = services.database
  const started = performance.now()
  const result: FoldResult = { events: 0, batches: 0, skipped: 0, lastEventId: 0, deferred: false }
  let highWater: number
  try {
    highWater = await db.transaction((tx) => settledHighWater(tx, lockTimeoutMs))
  } catch (error) {
    // A long transaction is writing events: the next run folds them, nothing is lost by waiting.
    if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error
    return { ...result, deferred: true }
  }
  for (;;) {
    const step = await db.transaction(async (tx) => {
      const after = await lockCursor(tx)
      const next = await nextBatch(tx, after, highWater, batch)
      if (next === null) return { after, upTo: after, events: 0, skipped: 0 }
      const range = { after, upTo: next.upTo }
      await recordPostings(tx, range)
      const skipped = await countOrphans(tx, range)
      await foldPlainEvents(tx, range)
      await foldFirstResponses(tx, range)
      await foldFulfilments(tx, range)
      await foldActors(tx, range)
      await moveCursor(tx, next.upTo, services.clock.now())
      return { after, upTo: next.upTo, events: next.events, skipped }
    })
    result.lastEventId = step.upTo
    if (step.upTo === step.after) break
    result.batches += 1
    result.skipped += step.skipped
    result.events += step.events
    if (performance.now() - started > budgetMs) break
  }
  if (result.events > 0 && services.database.kind === 'pglite') await analyzeWhenGrown(db, result.lastEventId)
  return result
}

/**
 * Brings the figures up to date now, for the pages' « Actualiser » and for tests: the same fold
 * as the job, until no event is left.
 */
export function refreshFigures(services: AppServices): Promise<FoldResult> {
  return foldNewEvents(services, { budgetMs: Number.POSITIVE_INFINITY })
}
