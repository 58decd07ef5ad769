import { and, eq, isNotNull } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { messages } from './match.schema.ts'

/** A message a moderator hid is shown again in its conversation, when the decision is overturned on appeal. */
export async function unhideMessage(db: DbOrTx, territoryId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(messages)
    .set({ hiddenAt: null })
    .where(and(eq(messages.territoryId, territoryId), eq(messages.id, id), isNotNull(messages.hiddenAt)))
    .returning({ id: messages.id })
  return rows.length > 0
}
