import { and, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { devEmails } from './mail.schema.ts'

export type DevEmail = typeof devEmails.$inferSelect
export type DevEmailSummary = Pick<DevEmail, 'id' | 'recipient' | 'subject' | 'createdAt'>

/** Keyed by the job's id: a retry after a crash finds the mail already there and adds no copy. */
export async function insertDevEmail(db: DbOrTx, email: DevEmail): Promise<void> {
  await db.insert(devEmails).values(email).onConflictDoNothing({ target: devEmails.id })
}

/** Mails written before `before`: addresses and what was said to them are not kept for ever. */
export async function deleteDevEmailsBefore(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db
    .delete(devEmails)
    .where(lt(devEmails.createdAt, before))
    .returning({ id: devEmails.id })
  return rows.length
}

/** A platform's own mails and those sent for no platform (command line); every mail on an unknown host. */
function visibleFrom(territoryId: string | null): SQL | undefined {
  return territoryId ? or(eq(devEmails.territoryId, territoryId), isNull(devEmails.territoryId)) : undefined
}

export async function listDevEmails(
  db: DbOrTx,
  territoryId: string | null,
  limit: number,
): Promise<DevEmailSummary[]> {
  return db
    .select({
      id: devEmails.id,
      recipient: devEmails.recipient,
      subject: devEmails.subject,
      createdAt: devEmails.createdAt,
    })
    .from(devEmails)
    .where(visibleFrom(territoryId))
    .orderBy(desc(devEmails.createdAt), desc(devEmails.id))
    .limit(limit)
}

export async function findDevEmail(
  db: DbOrTx,
  id: string,
  territoryId: string | null,
): Promise<DevEmail | null> {
  const scope = visibleFrom(territoryId)
  const [row] = await db
    .select()
    .from(devEmails)
    .where(scope ? and(eq(devEmails.id, id), scope) : eq(devEmails.id, id))
  return row ?? null
}
