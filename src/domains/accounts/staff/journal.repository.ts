import { and, desc, eq, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { auditLog } from '../../../platform/audit/audit.schema.ts'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { accounts } from '../identity/account.schema.ts'

export interface JournalEntry {
  id: string
  action: string
  createdAt: Date
  actorName: string | null
  targetName: string | null
  details: Record<string, string | number | boolean>
}

export interface JournalCursor {
  createdAt: Date
  id: string
}

const actor = alias(accounts, 'actor')
const target = alias(accounts, 'target')

/**
 * The territory's audit log, newest first, with the names of who acted and on whom. The page
 * boundary is the (date, id) of the last entry shown, so entries of the same instant are
 * neither skipped nor repeated.
 */
export async function listJournal(
  db: DbOrTx,
  territoryId: string,
  options: { before?: JournalCursor; limit: number },
): Promise<JournalEntry[]> {
  const { before } = options
  const after = before
    ? or(
        sql`${auditLog.createdAt} < ${before.createdAt.toISOString()}`,
        and(eq(auditLog.createdAt, before.createdAt), sql`${auditLog.id} < ${before.id}`),
      )
    : undefined
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      createdAt: auditLog.createdAt,
      actorName: actor.displayName,
      targetName: target.displayName,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(target, eq(target.id, auditLog.targetId))
    .where(and(eq(auditLog.territoryId, territoryId), after))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(options.limit)
}
