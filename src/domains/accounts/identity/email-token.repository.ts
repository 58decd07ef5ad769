import { and, eq, gt, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { type EmailTokenPurpose, emailTokens } from './account.schema.ts'

export type EmailTokenRow = typeof emailTokens.$inferSelect

export async function insertEmailToken(db: DbOrTx, row: EmailTokenRow): Promise<void> {
  await db.insert(emailTokens).values(row)
}

function live(tokenHash: string, purpose: EmailTokenPurpose, territoryId: string, now: Date) {
  return and(
    eq(emailTokens.tokenHash, tokenHash),
    eq(emailTokens.purpose, purpose),
    eq(emailTokens.territoryId, territoryId),
    isNull(emailTokens.usedAt),
    gt(emailTokens.expiresAt, now),
  )
}

/** Reads a link without using it: the page that asks « confirm? » must not spend it. */
export async function findLiveEmailToken(
  db: DbOrTx,
  tokenHash: string,
  purpose: EmailTokenPurpose,
  territoryId: string,
  now: Date,
): Promise<EmailTokenRow | null> {
  const [row] = await db
    .select()
    .from(emailTokens)
    .where(live(tokenHash, purpose, territoryId, now))
  return row ?? null
}

/**
 * Spends a link in one statement: of two requests racing with the same link, only one gets the
 * row back, so a link can never be used twice.
 */
export async function consumeEmailToken(
  db: DbOrTx,
  tokenHash: string,
  purpose: EmailTokenPurpose,
  territoryId: string,
  now: Date,
): Promise<EmailTokenRow | null> {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(live(tokenHash, purpose, territoryId, now))
    .returning()
  return row ?? null
}

/** Voids the account's unused links of one kind: after a reset, an older reset link must not work. */
export async function voidEmailTokens(
  db: DbOrTx,
  accountId: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<void> {
  await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(eq(emailTokens.accountId, accountId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)),
    )
}
