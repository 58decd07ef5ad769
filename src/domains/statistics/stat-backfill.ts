import { eq } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { AppServices } from '../../platform/services.ts'
import { recordStat, type StatEventInput } from '../../platform/statistics/record-stat.ts'
import type { StatEventPages } from '../../platform/statistics/stat-pages.ts'
import { accountStatEvents } from '../accounts/index.ts'
import { callStatEvents } from '../calls/index.ts'
import { campaignStatEvents } from '../campaigns/index.ts'
import { listingStatEvents } from '../listings/index.ts'
import { matchStatEvents } from '../matches/index.ts'
import { missionStatEvents } from '../missions/index.ts'
import { needStatEvents } from '../needs/index.ts'
import { organisationStatEvents } from '../organisations/index.ts'
import { caseStatEvents } from '../phone/index.ts'
import { statProgress } from './statistics.schema.ts'

/** The mark of the one-time catch-up: a later version of it (new kinds) takes a new name. */
export const BACKFILL = 'backfill:v1'

/** Rows per insert: well under PostgreSQL's limit on a statement's parameters (10 a row). */
const CHUNK = 500

/**
 * Each domain's events for the rows it holds, in the order the rollups need: a listing's posting
 * before its responses, so its later events find its cohort.
 */
function sources(db: DbOrTx): StatEventPages[] {
  return [
    listingStatEvents(db),
    matchStatEvents(db),
    accountStatEvents(db),
    organisationStatEvents(db),
    missionStatEvents(db),
    needStatEvents(db),
    campaignStatEvents(db),
    callStatEvents(db),
    caseStatEvents(db),
  ]
}

/**
 * Writes the events every existing row owes, with the keys the live writes use: an event already
 * written (live, or by an earlier run) is kept as it was. Returns how many events were offered.
 */
export async function writeStatEvents(db: DbOrTx): Promise<number> {
  let offered = 0
  for (const pages of sources(db))
    for await (const events of pages)
      for (let i = 0; i < events.length; i += CHUNK) {
        const chunk: StatEventInput[] = events.slice(i, i + CHUNK)
        await recordStat(db, chunk)
        offered += chunk.length
      }
  return offered
}

/**
 * At start, once: rows written before the domains recorded their events (a territory already
 * running) get them, dated by the rows themselves. The mark comes last, so a start that stopped
 * halfway redoes the whole catch-up, which the keys make harmless; a later start reads one row.
 */
export async function backfillStatEvents(services: AppServices): Promise<number> {
  const { db } = services.database
  const [done] = await db.select().from(statProgress).where(eq(statProgress.name, BACKFILL))
  if (done) return 0
  const offered = await writeStatEvents(db)
  await db
    .insert(statProgress)
    .values({ name: BACKFILL, lastEventId: 0, updatedAt: services.clock.now() })
    .onConflictDoNothing()
  return offered
}
