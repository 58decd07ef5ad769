import { and, asc, desc, eq, ne, or, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { type ReviewCause, reviewItems } from '../../platform/review/review.schema.ts'
import { moderationExamples } from './moderation.schema.ts'
import type { QueueFilter } from './queue.ts'

export type ReviewItemRow = typeof reviewItems.$inferSelect

function openWhere(territoryId: string, filter: Pick<QueueFilter, 'cause' | 'kind'>): SQL | undefined {
  return and(
    eq(reviewItems.territoryId, territoryId),
    eq(reviewItems.status, 'open'),
    filter.cause ? eq(reviewItems.cause, filter.cause) : undefined,
    filter.kind ? eq(reviewItems.subjectKind, filter.kind) : undefined,
  )
}

/** One page of the open queue, most serious first (priority, then the oldest) or newest first. */
export function listOpenItems(
  db: DbOrTx,
  territoryId: string,
  filter: QueueFilter,
  pageSize: number,
): Promise<ReviewItemRow[]> {
  const order =
    filter.sort === 'newest'
      ? [desc(reviewItems.createdAt), desc(reviewItems.id)]
      : [desc(reviewItems.priority), asc(reviewItems.createdAt), asc(reviewItems.id)]
  return db
    .select()
    .from(reviewItems)
    .where(openWhere(territoryId, filter))
    .orderBy(...order)
    .limit(pageSize + 1)
    .offset((filter.page - 1) * pageSize)
}

/** Open items per cause, for the queue's summary; the subject filter applies, the cause filter does not. */
export async function countOpenByCause(
  db: DbOrTx,
  territoryId: string,
  filter: Pick<QueueFilter, 'kind'>,
): Promise<Map<ReviewCause, number>> {
  const rows = await db
    .select({ cause: reviewItems.cause, n: sql<number>`count(*)::int` })
    .from(reviewItems)
    .where(openWhere(territoryId, { cause: null, kind: filter.kind }))
    .groupBy(reviewItems.cause)
  return new Map(rows.map((r) => [r.cause, r.n]))
}

export async function findItem(db: DbOrTx, territoryId: string, id: string): Promise<ReviewItemRow | null> {
  const [row] = await db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.territoryId, territoryId), eq(reviewItems.id, id)))
  return row ?? null
}

/** The item is free for this moderator: nobody holds it, they hold it, or the holder's lease ran out. */
const freeFor = (accountId: string, now: Date) =>
  or(
    sql`${reviewItems.claimedBy} IS NULL`,
    eq(reviewItems.claimedBy, accountId),
    sql`${reviewItems.leaseUntil} <= ${now}`,
  )

/**
 * Takes an open item for a moderator until `until`, or renews their own lease; one statement, so
 * of two moderators opening it at once one holds it. Null when someone else holds it still.
 */
export async function claimItem(
  db: DbOrTx,
  territoryId: string,
  id: string,
  accountId: string,
  now: Date,
  until: Date,
): Promise<ReviewItemRow | null> {
  const [row] = await db
    .update(reviewItems)
    .set({
      claimedBy: accountId,
      leaseUntil: until,
      // A renewal by the same moderator keeps the version their open form names.
      version: sql`CASE WHEN ${reviewItems.claimedBy} IS NOT DISTINCT FROM ${accountId}::uuid THEN ${reviewItems.version} ELSE ${reviewItems.version} + 1 END`,
      updatedAt: now,
    })
    .where(
      and(
        eq(reviewItems.territoryId, territoryId),
        eq(reviewItems.id, id),
        eq(reviewItems.status, 'open'),
        freeFor(accountId, now),
      ),
    )
    .returning()
  return row ?? null
}

/**
 * Marks the item decided, only if it is still open at the version the moderator saw and no one
 * else holds it: the first statement of the decision's transaction, so of two moderators deciding
 * at once the second finds it decided (the row lock makes it wait, then re-read) and applies nothing.
 */
export async function markDecided(
  tx: DbOrTx,
  input: { territoryId: string; id: string; version: number; by: string; decision: string; now: Date },
): Promise<ReviewItemRow | null> {
  const [row] = await tx
    .update(reviewItems)
    .set({
      status: 'decided',
      decision: input.decision,
      decidedBy: input.by,
      decidedAt: input.now,
      claimedBy: null,
      leaseUntil: null,
      version: sql`${reviewItems.version} + 1`,
      updatedAt: input.now,
    })
    .where(
      and(
        eq(reviewItems.territoryId, input.territoryId),
        eq(reviewItems.id, input.id),
        eq(reviewItems.status, 'open'),
        eq(reviewItems.version, input.version),
        freeFor(input.by, input.now),
      ),
    )
    .returning()
  return row ?? null
}

/** Earlier decisions on the same subject, newest first: the listing's moderation history. */
export function earlierDecisions(db: DbOrTx, item: ReviewItemRow): Promise<ReviewItemRow[]> {
  return db
    .select()
    .from(reviewItems)
    .where(
      and(
        eq(reviewItems.territoryId, item.territoryId),
        eq(reviewItems.subjectKind, item.subjectKind),
        eq(reviewItems.subjectId, item.subjectId),
        eq(reviewItems.status, 'decided'),
        ne(reviewItems.id, item.id),
      ),
    )
    .orderBy(desc(reviewItems.decidedAt))
    .limit(20)
}

/** A moderator's reading of held text, kept to measure the free-help rule on real cases; the last decision counts. */
export async function saveExample(db: DbOrTx, row: typeof moderationExamples.$inferInsert): Promise<void> {
  await db
    .insert(moderationExamples)
    .values(row)
    .onConflictDoUpdate({
      target: [moderationExamples.subjectKind, moderationExamples.subjectId],
      set: {
        text: row.text,
        heldByRule: row.heldByRule,
        ruleReasons: row.ruleReasons ?? [],
        asksMoney: row.asksMoney,
        decidedAt: row.decidedAt,
      },
    })
}
