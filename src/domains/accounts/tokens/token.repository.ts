import { and, desc, eq, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { type ActorAccount, actorColumns } from '../identity/account.repository.ts'
import { accessTokens, accounts } from '../identity/account.schema.ts'

export type AccessTokenRow = typeof accessTokens.$inferSelect

export async function insertAccessToken(db: DbOrTx, row: AccessTokenRow): Promise<void> {
  await db.insert(accessTokens).values(row)
}

/**
 * A token with its account: what every request carrying a token needs, in one statement rather
 * than two (a token goes with its account: foreign key, cascade).
 */
export async function findAccessTokenWithAccount(
  db: DbOrTx,
  tokenHash: string,
): Promise<{ token: AccessTokenRow; account: Omit<ActorAccount, 'roles'> } | null> {
  const [row] = await db
    .select({ token: accessTokens, account: actorColumns })
    .from(accessTokens)
    .innerJoin(accounts, eq(accounts.id, accessTokens.accountId))
    .where(eq(accessTokens.tokenHash, tokenHash))
  return row ?? null
}

export async function listAccessTokens(
  db: DbOrTx,
  accountId: string,
  territoryId: string,
): Promise<AccessTokenRow[]> {
  return db
    .select()
    .from(accessTokens)
    .where(
      and(
        eq(accessTokens.accountId, accountId),
        eq(accessTokens.territoryId, territoryId),
        isNull(accessTokens.revokedAt),
      ),
    )
    .orderBy(desc(accessTokens.createdAt))
}

/** Only the owner's token can be revoked: the account is part of the condition. */
export async function revokeAccessToken(
  db: DbOrTx,
  id: string,
  accountId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(accessTokens)
    .set({ revokedAt: now })
    .where(
      and(eq(accessTokens.id, id), eq(accessTokens.accountId, accountId), isNull(accessTokens.revokedAt)),
    )
    .returning({ id: accessTokens.id })
  return rows.length > 0
}

export async function markAccessTokenUsed(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(accessTokens).set({ lastUsedAt: now }).where(eq(accessTokens.id, id))
}

/** After a password reset the account may have been in someone else's hands: every token goes. */
export async function revokeAllAccessTokens(db: DbOrTx, accountId: string, now: Date): Promise<number> {
  const rows = await db
    .update(accessTokens)
    .set({ revokedAt: now })
    .where(and(eq(accessTokens.accountId, accountId), isNull(accessTokens.revokedAt)))
    .returning({ id: accessTokens.id })
  return rows.length
}
