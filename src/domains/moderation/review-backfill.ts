import { queueWhereAbsent } from '../../platform/review/review-backfill.ts'
import type { AppServices } from '../../platform/services.ts'
import { listingsToQueue } from '../listings/index.ts'
import { missionsToQueue } from '../missions/index.ts'
import { needsToQueue } from '../needs/index.ts'
import { organisationsToQueue } from '../organisations/index.ts'
import { reportsToQueue } from '../reports/index.ts'

/** Rows per insert: well under PostgreSQL's limit on a statement's parameters. */
const CHUNK = 500

/**
 * Puts in the queue what was held or reported before the queue existed (or written around it):
 * held listings, missions and needs, open reports, organisations awaiting verification. Run at
 * every start after the migrations; a subject already waiting is left as it is, so a second run
 * changes nothing. Returns how many items it added.
 */
export async function backfillReviewQueue(services: AppServices): Promise<number> {
  const { db } = services.database
  const territoryIds = (await services.territories.list()).map((t) => t.id)
  // Held content first: a held listing that was also reported waits once, as held; its reports
  // stay readable in the reports' own list.
  const items = [
    ...(await listingsToQueue(db)),
    ...(await missionsToQueue(db)),
    ...(await needsToQueue(db)),
    ...(await organisationsToQueue(db, territoryIds)),
    ...(await reportsToQueue(db)),
  ]
  const at = { ids: services.ids, now: services.clock.now() }
  let added = 0
  for (let i = 0; i < items.length; i += CHUNK)
    added += await queueWhereAbsent(db, items.slice(i, i + CHUNK), at)
  return added
}
