import { and, asc, gt, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { actorKey, recordStat, type StatEventInput } from '../../../platform/statistics/record-stat.ts'
import { pagesById, type StatEventPages } from '../../../platform/statistics/stat-pages.ts'
import { accounts, roleAssignments } from './account.schema.ts'

type Created = { id: string; territoryId: string; communeInsee: string; createdAt: Date }

/**
 * A resident's account, counted by commune: no subject, and a key made one-way like the actors',
 * so the log names no account even through its keys.
 */
function createdEvent(account: Created): StatEventInput {
  return {
    territoryId: account.territoryId,
    kind: 'account.created',
    occurredAt: account.createdAt,
    communeInsee: account.communeInsee,
    dedupeKey: `account.created:${actorKey(account.territoryId, account.id)}`,
  }
}

/** A sign-up, in its transaction; staff invited by the Département are not residents and do not count. */
export function recordAccountCreated(tx: DbOrTx, account: Created): Promise<void> {
  return recordStat(tx, createdEvent(account))
}

/**
 * The residents' accounts that exist, for the bilan's catch-up at start: those with a staff role
 * were invited (or became staff) and are left out.
 */
export function accountStatEvents(db: DbOrTx): StatEventPages {
  return pagesById(
    (after, limit) =>
      db
        .select({
          id: accounts.id,
          territoryId: accounts.territoryId,
          communeInsee: accounts.communeInsee,
          createdAt: accounts.createdAt,
        })
        .from(accounts)
        .where(
          and(
            after ? gt(accounts.id, after) : undefined,
            sql`not exists (select 1 from ${roleAssignments} where ${roleAssignments.accountId} = ${accounts.id})`,
          ),
        )
        .orderBy(asc(accounts.id))
        .limit(limit),
    (row) => row.id,
    (rows) => rows.map(createdEvent),
  )
}
