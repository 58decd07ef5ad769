import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { emailTokens } from '../identity/account.schema.ts'

export type InvitationRow = typeof emailTokens.$inferSelect

export async function insertInvitation(db: DbOrTx, row: InvitationRow): Promise<void> {
  await db.insert(emailTokens).values(row)
}

/** An invitation of this territory that is neither used nor expired; null for any other link. */
export async function findLiveInvitation(
  db: DbOrTx,
  territoryId: string,
  tokenHash: string,
  now: Date,
): Promise<InvitationRow | null> {
  const [row] = await db
    .select()
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.tokenHash, tokenHash),
        eq(emailTokens.purpose, 'invite'),
        eq(emailTokens.territoryId, territoryId),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
  return row ?? null
}

/** Marks the link used; false if another request used it first, so a link grants a role only once. */
export async function consumeInvitation(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.id, id), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)))
    .returning({ id: emailTokens.id })
  return rows.length > 0
}

export async function listPendingInvitations(
  db: DbOrTx,
  territoryId: string,
  now: Date,
): Promise<InvitationRow[]> {
  return db
    .select()
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.purpose, 'invite'),
        eq(emailTokens.territoryId, territoryId),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .orderBy(desc(emailTokens.createdAt))
    .limit(100)
}
