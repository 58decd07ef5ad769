import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { sanctions } from './moderation.schema.ts'
import type { SanctionRow } from './sanction.repository.ts'

/**
 * Suspensions whose time is up and that nobody lifted yet, locked for the caller's transaction
 * (`SKIP LOCKED`): two processes running the job, or the job and a sign-in, never lift one twice.
 */
export async function dueSuspensions(db: DbOrTx, now: Date, limit: number): Promise<SanctionRow[]> {
  return db
    .select()
    .from(sanctions)
    .where(and(eq(sanctions.kind, 'suspend'), isNull(sanctions.liftedAt), lte(sanctions.endsAt, now)))
    .orderBy(asc(sanctions.endsAt))
    .limit(limit)
    .for('update', { skipLocked: true })
}

/**
 * The person's suspensions and bans not lifted yet, in every territory (the account's status is
 * one for the whole install), a ban first, then the one that ends last.
 */
export async function restrictionsOf(db: DbOrTx, accountId: string): Promise<SanctionRow[]> {
  return db
    .select()
    .from(sanctions)
    .where(
      and(
        eq(sanctions.accountId, accountId),
        sql`${sanctions.kind} IN ('suspend', 'ban')`,
        isNull(sanctions.liftedAt),
      ),
    )
    .orderBy(sql`${sanctions.endsAt} DESC NULLS FIRST`, desc(sanctions.decidedAt))
}

/** Whether a suspension or ban other than `exceptId` still holds for the person, in any territory. */
export async function otherRestrictionHolds(
  db: DbOrTx,
  accountId: string,
  exceptId: string,
  now: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ id: sanctions.id })
    .from(sanctions)
    .where(
      and(
        eq(sanctions.accountId, accountId),
        sql`${sanctions.id} <> ${exceptId}`,
        sql`${sanctions.kind} IN ('suspend', 'ban')`,
        isNull(sanctions.liftedAt),
        sql`(${sanctions.endsAt} IS NULL OR ${sanctions.endsAt} > ${now})`,
      ),
    )
    .limit(1)
  return row !== undefined
}

/** Locks one sanction row for the transaction that lifts it. */
export async function lockSanction(db: DbOrTx, id: string): Promise<SanctionRow | null> {
  const [row] = await db.select().from(sanctions).where(eq(sanctions.id, id)).for('update')
  return row ?? null
}

/** A sanction by id alone, for a sealed form that already proved whose it is. */
export async function findSanctionById(db: DbOrTx, id: string): Promise<SanctionRow | null> {
  const [row] = await db.select().from(sanctions).where(eq(sanctions.id, id))
  return row ?? null
}
