import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { reviewItems } from '../../platform/review/review.schema.ts'
import { type AppealStatus, appeals, sanctions } from './moderation.schema.ts'
import type { AppealRow, SanctionRow } from './sanction.repository.ts'

export type NewAppeal = Omit<AppealRow, 'status' | 'reviewedBy' | 'reviewedAt' | 'answer'>

/** Files an appeal; false when the sanction already has one (one appeal per decision). */
export async function insertAppeal(db: DbOrTx, row: NewAppeal): Promise<boolean> {
  const rows = await db
    .insert(appeals)
    .values(row)
    .onConflictDoNothing({ target: appeals.sanctionId })
    .returning({ id: appeals.id })
  return rows.length > 0
}

export async function appealOfSanction(db: DbOrTx, sanctionId: string): Promise<AppealRow | null> {
  const [row] = await db.select().from(appeals).where(eq(appeals.sanctionId, sanctionId))
  return row ?? null
}

/** The appeals of several sanctions in one query, by sanction. */
export async function appealsOfSanctions(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, AppealRow>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select()
    .from(appeals)
    .where(inArray(appeals.sanctionId, [...ids]))
  return new Map(rows.map((r) => [r.sanctionId, r]))
}

export async function findAppeal(
  db: DbOrTx,
  territoryId: string,
  id: string,
): Promise<{ appeal: AppealRow; sanction: SanctionRow } | null> {
  const [row] = await db
    .select({ appeal: appeals, sanction: sanctions })
    .from(appeals)
    .innerJoin(sanctions, eq(sanctions.id, appeals.sanctionId))
    .where(and(eq(appeals.territoryId, territoryId), eq(appeals.id, id)))
  return row ?? null
}

/** The territory's appeals waiting for a moderator, oldest first, with the decision each contests. */
export async function openAppeals(
  db: DbOrTx,
  territoryId: string,
  limit = 200,
): Promise<{ appeal: AppealRow; sanction: SanctionRow }[]> {
  return db
    .select({ appeal: appeals, sanction: sanctions })
    .from(appeals)
    .innerJoin(sanctions, eq(sanctions.id, appeals.sanctionId))
    .where(and(eq(appeals.territoryId, territoryId), eq(appeals.status, 'open')))
    .orderBy(asc(appeals.createdAt))
    .limit(limit)
}

/**
 * Decides an appeal once: the update only takes an open appeal, so of two moderators deciding at
 * once one gets the row and the other null, whatever the isolation level.
 */
export async function decideAppeal(
  db: DbOrTx,
  id: string,
  decision: { status: Exclude<AppealStatus, 'open'>; reviewedBy: string; answer: string; now: Date },
): Promise<AppealRow | null> {
  const [row] = await db
    .update(appeals)
    .set({
      status: decision.status,
      reviewedBy: decision.reviewedBy,
      reviewedAt: decision.now,
      answer: decision.answer,
    })
    .where(and(eq(appeals.id, id), eq(appeals.status, 'open')))
    .returning()
  return row ?? null
}

/** A new appeal link replaces the old one (null: the link is spent once the appeal is answered). */
export async function setAppealTokenHash(db: DbOrTx, sanctionId: string, hash: string | null): Promise<void> {
  await db.update(sanctions).set({ appealTokenHash: hash }).where(eq(sanctions.id, sanctionId))
}

/** The queue's item for an appeal leaves the queue as decided, with the appeal's outcome. */
export async function closeAppealItem(
  db: DbOrTx,
  territoryId: string,
  appealId: string,
  decision: { code: string; by: string; now: Date },
): Promise<void> {
  await db
    .update(reviewItems)
    .set({
      status: 'decided',
      decision: decision.code,
      decidedBy: decision.by,
      decidedAt: decision.now,
      claimedBy: null,
      leaseUntil: null,
      version: sql`${reviewItems.version} + 1`,
      updatedAt: decision.now,
    })
    .where(
      and(
        eq(reviewItems.territoryId, territoryId),
        eq(reviewItems.subjectKind, 'appeal'),
        eq(reviewItems.subjectId, appealId),
        eq(reviewItems.status, 'open'),
      ),
    )
}

/** What a decision was about, from the queue item it closed: a listing, a message, a person… */
export async function itemSubject(
  db: DbOrTx,
  itemId: string | null,
): Promise<{ kind: string; id: string } | null> {
  if (!itemId) return null
  const [row] = await db
    .select({ kind: reviewItems.subjectKind, id: reviewItems.subjectId })
    .from(reviewItems)
    .where(eq(reviewItems.id, itemId))
  return row ?? null
}
