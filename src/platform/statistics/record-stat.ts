import { createHash } from 'node:crypto'
import type { DbOrTx } from '../db/client.ts'
import { statEvents } from './stat-event.schema.ts'
import type { StatKind } from './stat-kinds.ts'

export type { StatKind }
export { statKinds } from './stat-kinds.ts'

export interface StatEventInput {
  territoryId: string
  kind: StatKind
  occurredAt: Date
  subjectId?: string | null
  communeInsee?: string | null
  categoryId?: string | null
  /** from `actorKey`, never an account id */
  actorKey?: string | null
  quantity?: number
  outcome?: string | null
  /** for once-only events: `${kind}:${subjectId}` is the usual key */
  dedupeKey?: string | null
}

/**
 * Appends events for the bilan in the caller's transaction, so a count exists exactly when the
 * change it counts committed. A once-only event written twice (a retry, a catch-up at start) is
 * kept once.
 */
export async function recordStat(db: DbOrTx, events: StatEventInput | StatEventInput[]): Promise<void> {
  const insert = statInsert(db, events)
  if (insert) await insert
}

/** The INSERT of recordStat, not sent (null for no event): for a batch of writes (write-batch.ts). */
export function statInsert(db: DbOrTx, events: StatEventInput | StatEventInput[]) {
  const rows = (Array.isArray(events) ? events : [events]).map((e) => ({
    territoryId: e.territoryId,
    kind: e.kind,
    occurredAt: e.occurredAt,
    subjectId: e.subjectId ?? null,
    communeInsee: e.communeInsee ?? null,
    categoryId: e.categoryId ?? null,
    actorKey: e.actorKey ?? null,
    quantity: e.quantity ?? 1,
    outcome: e.outcome ?? null,
    dedupeKey: e.dedupeKey ?? null,
  }))
  if (rows.length === 0) return null
  return db.insert(statEvents).values(rows).onConflictDoNothing()
}

/**
 * A one-way key for counting distinct volunteers: the same person gives the same key within a
 * territory, and the key leads back to no row once their account is erased.
 */
export function actorKey(territoryId: string, accountId: string): string {
  return createHash('sha256').update(`${territoryId}:${accountId}`).digest('base64url').slice(0, 22)
}
