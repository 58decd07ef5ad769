import { asc, eq, gt } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { recordStat, type StatEventInput } from '../../platform/statistics/record-stat.ts'
import { pagesById, type StatEventPages } from '../../platform/statistics/stat-pages.ts'
import { phoneCases, phonePeople } from './phone.schema.ts'

type Counted = { id: string; territoryId: string; communeInsee: string | null }

function openedEvent(c: Counted, at: Date): StatEventInput {
  return {
    territoryId: c.territoryId,
    kind: 'phone-case.opened',
    subjectId: c.id,
    occurredAt: at,
    communeInsee: c.communeInsee,
    dedupeKey: `phone-case.opened:${c.id}`,
  }
}

/** Closed with its outcome; a case reopened and closed again was closed once, with its first outcome. */
function closedEvent(c: Counted, at: Date, outcome: string): StatEventInput {
  return {
    territoryId: c.territoryId,
    kind: 'phone-case.closed',
    subjectId: c.id,
    occurredAt: at,
    communeInsee: c.communeInsee,
    outcome,
    dedupeKey: `phone-case.closed:${c.id}`,
  }
}

/** The commune of the case's person, read in the transaction that writes the case. */
async function communeOf(tx: DbOrTx, personId: string): Promise<string | null> {
  const [row] = await tx
    .select({ communeInsee: phonePeople.communeInsee })
    .from(phonePeople)
    .where(eq(phonePeople.id, personId))
  return row?.communeInsee ?? null
}

export async function recordCaseOpened(
  tx: DbOrTx,
  c: { id: string; territoryId: string; personId: string },
  at: Date,
): Promise<void> {
  await recordStat(tx, openedEvent({ ...c, communeInsee: await communeOf(tx, c.personId) }, at))
}

export async function recordCaseClosed(
  tx: DbOrTx,
  c: { id: string; territoryId: string; personId: string },
  at: Date,
  outcome: string,
): Promise<void> {
  await recordStat(tx, closedEvent({ ...c, communeInsee: await communeOf(tx, c.personId) }, at, outcome))
}

/** Every case opened, and those closed, for the bilan's catch-up at start. */
export function caseStatEvents(db: DbOrTx): StatEventPages {
  return pagesById(
    (after, limit) =>
      db
        .select({
          id: phoneCases.id,
          territoryId: phoneCases.territoryId,
          communeInsee: phonePeople.communeInsee,
          openedAt: phoneCases.openedAt,
          closedAt: phoneCases.closedAt,
          outcome: phoneCases.outcome,
        })
        .from(phoneCases)
        .innerJoin(phonePeople, eq(phonePeople.id, phoneCases.personId))
        .where(after ? gt(phoneCases.id, after) : undefined)
        .orderBy(asc(phoneCases.id))
        .limit(limit),
    (row) => row.id,
    (rows) =>
      rows.flatMap((row) => [
        openedEvent(row, row.openedAt),
        ...(row.closedAt && row.outcome ? [closedEvent(row, row.closedAt, row.outcome)] : []),
      ]),
  )
}
