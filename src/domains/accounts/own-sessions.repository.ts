import { and, eq } from 'drizzle-orm'
import type { SessionRow } from '../../platform/auth/session.repository.ts'
import { sessions } from '../../platform/auth/session.schema.ts'
import type { DbOrTx } from '../../platform/db/client.ts'

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
