import { and, asc, gt, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { recordStat, type StatEventInput } from '../../platform/statistics/record-stat.ts'
import { pagesById, type StatEventPages } from '../../platform/statistics/stat-pages.ts'
import { needs } from './need.schema.ts'
import type { NeedStatus } from './need.ts'

type Counted = { id: string; territoryId: string; categoryId: string | null }

/** A need has no commune of its own (its drop points have theirs): counted territory-wide. */
function needEvent(kind: 'need.posted' | 'need.met', need: Counted, at: Date): StatEventInput {
  return {
    territoryId: need.territoryId,
    kind,
    subjectId: need.id,
    occurredAt: at,
    categoryId: need.categoryId,
    dedupeKey: `${kind}:${need.id}`,
  }
}

/**
 * What a write to a need counts, in its transaction: posted once it is open (at once, by a
 * moderator, after an edit, on appeal), met once what was received covers it. Each once: a need
 * met, opened again by a larger quantity, then met again was met once.
 */
export async function recordNeedState(
  tx: DbOrTx,
  need: Counted & { status: NeedStatus },
  at: Date,
): Promise<void> {
  if (need.status === 'open' || need.status === 'met')
    await recordStat(tx, needEvent('need.posted', need, at))
  if (need.status === 'met') await recordStat(tx, needEvent('need.met', need, at))
}

/**
 * Needs that were published, and those met, for the bilan's catch-up at start. A need keeps no
 * publication date: its creation stands for it (a held one was published later), and its last
 * change for when it was met (or its closing, if what was received covered it).
 */
export function needStatEvents(db: DbOrTx): StatEventPages {
  return pagesById(
    (after, limit) =>
      db
        .select({
          id: needs.id,
          territoryId: needs.territoryId,
          categoryId: needs.categoryId,
          status: needs.status,
          quantity: needs.quantity,
          received: needs.received,
          createdAt: needs.createdAt,
          updatedAt: needs.updatedAt,
          closedAt: needs.closedAt,
        })
        .from(needs)
        .where(and(inArray(needs.status, ['open', 'met', 'closed']), after ? gt(needs.id, after) : undefined))
        .orderBy(asc(needs.id))
        .limit(limit),
    (row) => row.id,
    (rows) =>
      rows.flatMap((row) => {
        const met =
          row.status === 'met'
            ? row.updatedAt
            : row.received >= row.quantity
              ? (row.closedAt ?? row.updatedAt)
              : null
        return [
          needEvent('need.posted', row, row.createdAt),
          ...(met ? [needEvent('need.met', row, met)] : []),
        ]
      }),
  )
}
