import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { type appeals, type SanctionKind, type SanctionReason, sanctions } from './moderation.schema.ts'

export type SanctionRow = typeof sanctions.$inferSelect
export type AppealRow = typeof appeals.$inferSelect

export interface NewSanction {
  id: string
  territoryId: string
  accountId: string
  itemId: string | null
  kind: SanctionKind
  reason: SanctionReason
  explanation: string
  decidedBy: string
  decidedAt: Date
  endsAt: Date | null
  /** `sha256(randomToken())` (platform/auth/secrets.ts) of the appeal link mailed to the person */
  appealTokenHash: string | null
}

export async function insertSanction(db: DbOrTx, row: NewSanction): Promise<void> {
  await db.insert(sanctions).values(row)
}

export async function findSanction(db: DbOrTx, territoryId: string, id: string): Promise<SanctionRow | null> {
  const [row] = await db
    .select()
    .from(sanctions)
    .where(and(eq(sanctions.territoryId, territoryId), eq(sanctions.id, id)))
  return row ?? null
}

/** The sanction an appeal link opens; the link is the person's proof, so no territory is asked. */
export async function findSanctionByTokenHash(db: DbOrTx, tokenHash: string): Promise<SanctionRow | null> {
  const [row] = await db.select().from(sanctions).where(eq(sanctions.appealTokenHash, tokenHash))
  return row ?? null
}

/** A person's sanction history in a territory, newest first. */
export async function sanctionsOf(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
): Promise<SanctionRow[]> {
  return db
    .select()
    .from(sanctions)
    .where(and(eq(sanctions.territoryId, territoryId), eq(sanctions.accountId, accountId)))
    .orderBy(desc(sanctions.decidedAt))
}

/** The suspension or ban in force for this person, if any: the latest one not lifted and not over. */
export async function sanctionInForce(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
  now: Date,
): Promise<SanctionRow | null> {
  const [row] = await db
    .select()
    .from(sanctions)
    .where(
      and(
        eq(sanctions.territoryId, territoryId),
        eq(sanctions.accountId, accountId),
        sql`${sanctions.kind} IN ('suspend', 'ban')`,
        isNull(sanctions.liftedAt),
        sql`(${sanctions.endsAt} IS NULL OR ${sanctions.endsAt} > ${now})`,
      ),
    )
    .orderBy(desc(sanctions.decidedAt))
    .limit(1)
  return row ?? null
}

/**
 * Lifts a sanction once: on appeal (`by` the reviewing moderator) or when a suspension's time is
 * up (`by` null). Returns the row as lifted, or null when it was lifted already.
 */
export async function liftSanction(
  db: DbOrTx,
  id: string,
  by: string | null,
  now: Date,
): Promise<SanctionRow | null> {
  const [row] = await db
    .update(sanctions)
    .set({ liftedAt: now, liftedBy: by })
    .where(and(eq(sanctions.id, id), isNull(sanctions.liftedAt)))
    .returning()
  return row ?? null
}
