import { asc, eq, gt } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { actorKey, recordStat, type StatEventInput } from '../../platform/statistics/record-stat.ts'
import { eventsByTerritory, pagesById, type StatEventPages } from '../../platform/statistics/stat-pages.ts'
import { findPeople } from '../phone/index.ts'
import { callLogs, callRegistrations } from './calls.schema.ts'

type Logged = Pick<
  typeof callLogs.$inferSelect,
  'id' | 'territoryId' | 'callerAccountId' | 'outcome' | 'calledAt'
>

/** One call, with its outcome and the commune of the person called; the caller as a one-way key. */
function callEvent(log: Logged, communeInsee: string | null): StatEventInput {
  return {
    territoryId: log.territoryId,
    kind: 'call.made',
    occurredAt: log.calledAt,
    communeInsee,
    actorKey: log.callerAccountId ? actorKey(log.territoryId, log.callerAccountId) : null,
    outcome: log.outcome,
    dedupeKey: `call.made:${log.id}`,
  }
}

/** A call logged (by a paired caller or in a campaign), in the transaction that logs it. */
export function recordCallMade(tx: DbOrTx, log: Logged, communeInsee: string | null): Promise<void> {
  return recordStat(tx, callEvent(log, communeInsee))
}

/**
 * Every call logged so far, for the bilan's catch-up at start. The commune is the person's while
 * their consent holds; of a person who withdrew it the phone line keeps nothing to read.
 */
export function callStatEvents(db: DbOrTx): StatEventPages {
  return pagesById(
    (after, limit) =>
      db
        .select({
          id: callLogs.id,
          territoryId: callLogs.territoryId,
          callerAccountId: callLogs.callerAccountId,
          outcome: callLogs.outcome,
          calledAt: callLogs.calledAt,
          personId: callRegistrations.personId,
        })
        .from(callLogs)
        .innerJoin(callRegistrations, eq(callRegistrations.id, callLogs.registrationId))
        .where(after ? gt(callLogs.id, after) : undefined)
        .orderBy(asc(callLogs.id))
        .limit(limit),
    (row) => row.id,
    (rows) =>
      eventsByTerritory(rows, async (territoryId, mine) => {
        const people = await findPeople(
          db,
          territoryId,
          mine.map((r) => r.personId),
        )
        return mine.map((row) => callEvent(row, people.get(row.personId)?.communeInsee ?? null))
      }),
  )
}
