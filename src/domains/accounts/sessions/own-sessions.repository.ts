import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/db/client.ts'
import type { SessionRow } from './session.repository.ts'
import { sessions } from './session.schema.ts'

/**
 * Ends one session only if it belongs to the account: the account is part of the condition,
 * so a session id of someone else deletes nothing, whatever the caller sends.
 */
export async function deleteOwnSession(
  db: DbOrTx,
  accountId: string,
  idHash: string,
): Promise<SessionRow | null> {
  const [row] = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), eq(sessions.idHash, idHash)))
    .returning()
  return row ?? null
}
