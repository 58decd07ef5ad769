import { and, asc, eq, gt, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { recordStat, type StatEventInput } from '../../platform/statistics/record-stat.ts'
import { pagesById, type StatEventPages } from '../../platform/statistics/stat-pages.ts'
import type { LedgerMovement } from './campaign.schema.ts'
import {
  supplyAllocations,
  supplyCampaigns,
  supplyLedger,
  supplyPoints,
  supplyRequests,
} from './campaign.schema.ts'

/**
 * The movements the bilan counts: units received from the makers at a point (made), and units
 * handed out to a requester (distributed). Allocations, releases, losses and corrections move
 * stock without anything being made or given.
 */
const COUNTED = ['received', 'handed-out'] as const satisfies readonly LedgerMovement[]

/** Movements with where they happened: the requester's commune for a hand-out, else the point's. */
function movements(db: DbOrTx) {
  return db
    .select({
      id: supplyLedger.id,
      campaignId: supplyLedger.campaignId,
      territoryId: supplyCampaigns.territoryId,
      movement: supplyLedger.movement,
      onHandDelta: supplyLedger.onHandDelta,
      recordedAt: supplyLedger.recordedAt,
      pointCommune: supplyPoints.communeInsee,
      requesterCommune: supplyRequests.communeInsee,
    })
    .from(supplyLedger)
    .innerJoin(supplyCampaigns, eq(supplyCampaigns.id, supplyLedger.campaignId))
    .innerJoin(supplyPoints, eq(supplyPoints.id, supplyLedger.pointId))
    .leftJoin(supplyAllocations, eq(supplyAllocations.id, supplyLedger.allocationId))
    .leftJoin(supplyRequests, eq(supplyRequests.id, supplyAllocations.requestId))
}

type Movement = Awaited<ReturnType<ReturnType<typeof movements>['where']>>[number]

function movementEvent(m: Movement): StatEventInput {
  const kind = m.movement === 'received' ? 'campaign.made' : 'campaign.distributed'
  return {
    territoryId: m.territoryId,
    kind,
    subjectId: m.campaignId,
    occurredAt: m.recordedAt,
    communeInsee: m.requesterCommune ?? m.pointCommune,
    quantity: Math.abs(m.onHandDelta),
    dedupeKey: `${kind}:${m.id}`,
  }
}

/** Counts a ledger entry the bilan counts, in the transaction that wrote it. */
export async function recordLedgerStat(
  tx: DbOrTx,
  movement: LedgerMovement,
  ledgerId: number,
): Promise<void> {
  if (!(COUNTED as readonly string[]).includes(movement)) return
  const rows = await movements(tx).where(eq(supplyLedger.id, ledgerId))
  await recordStat(tx, rows.map(movementEvent))
}

/** Every unit received and handed out so far, for the bilan's catch-up at start. */
export function campaignStatEvents(db: DbOrTx): StatEventPages {
  return pagesById(
    (after, limit) =>
      movements(db)
        .where(
          and(
            inArray(supplyLedger.movement, [...COUNTED]),
            after ? gt(supplyLedger.id, Number(after)) : undefined,
          ),
        )
        .orderBy(asc(supplyLedger.id))
        .limit(limit),
    (row) => String(row.id),
    (rows) => rows.map(movementEvent),
  )
}
