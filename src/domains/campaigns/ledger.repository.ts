import { and, asc, desc, eq, lt, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { violatedConstraint } from '../../platform/db/constraint-errors.ts'
import { type LedgerMovement, supplyLedger, supplyPoints, supplyStock } from './campaign.schema.ts'
import { recordLedgerStat } from './campaign-stats.ts'

/** The stock a movement would take below zero (or reserve beyond what is there): nothing was written. */
export class StockShortage extends Error {
  constructor(readonly pointId: string) {
    super('stock-shortage')
  }
}

export type Movement = {
  campaignId: string
  pointId: string
  movement: LedgerMovement
  /** a positive count; for a correction, signed (−3 takes three off the stock on hand) */
  quantity: number
  batchId?: string | null
  allocationId?: string | null
  correctsId?: number | null
  reason?: string
  recordedBy: string | null
  at: Date
}

/** How each movement moves the two balances of a point (campaign.schema.ts tells why). */
function deltas(movement: LedgerMovement, q: number): { onHand: number; reserved: number } {
  switch (movement) {
    case 'received':
      return { onHand: q, reserved: 0 }
    case 'allocated':
      return { onHand: 0, reserved: q }
    case 'released':
      return { onHand: 0, reserved: -q }
    case 'handed-out':
      return { onHand: -q, reserved: -q }
    case 'lost':
      return { onHand: -q, reserved: 0 }
    case 'correction':
      return { onHand: q, reserved: 0 }
  }
}

/**
 * Appends one movement; the database's trigger adds it to the point's stock in the same statement
 * and refuses it whole if the stock would go below zero, which comes back as a StockShortage.
 * Call it inside the transaction that causes the movement (a batch confirmed, an allocation made).
 */
export async function recordMovement(tx: DbOrTx, m: Movement): Promise<number> {
  const { onHand, reserved } = deltas(m.movement, m.quantity)
  try {
    const [row] = await tx
      .insert(supplyLedger)
      .values({
        campaignId: m.campaignId,
        pointId: m.pointId,
        movement: m.movement,
        onHandDelta: onHand,
        reservedDelta: reserved,
        batchId: m.batchId ?? null,
        allocationId: m.allocationId ?? null,
        correctsId: m.correctsId ?? null,
        reason: m.reason ?? '',
        recordedBy: m.recordedBy,
        recordedAt: m.at,
      })
      .returning({ id: supplyLedger.id })
    await recordLedgerStat(tx, m.movement, row!.id)
    return row!.id
  } catch (error) {
    if (violatedConstraint(error) === 'supply_stock_never_negative') throw new StockShortage(m.pointId)
    throw error
  }
}

export type PointStock = { pointId: string; onHand: number; reserved: number; available: number }

/** Stock at each point of a campaign, points with no movement yet at zero. */
export async function stockByPoint(db: DbOrTx, campaignId: string): Promise<PointStock[]> {
  const rows = await db
    .select({
      pointId: supplyPoints.id,
      onHand: sql<number>`coalesce(${supplyStock.onHand}, 0)::int`,
      reserved: sql<number>`coalesce(${supplyStock.reserved}, 0)::int`,
    })
    .from(supplyPoints)
    .leftJoin(supplyStock, eq(supplyStock.pointId, supplyPoints.id))
    .where(eq(supplyPoints.campaignId, campaignId))
    .orderBy(asc(supplyPoints.position))
  return rows.map((r) => ({ ...r, available: r.onHand - r.reserved }))
}

export type LedgerEntry = typeof supplyLedger.$inferSelect

/** The ledger of a campaign (or of one point), newest first, a page at a time by id. */
export async function ledgerEntries(
  db: DbOrTx,
  campaignId: string,
  options: { pointId?: string; before?: number; limit: number },
): Promise<LedgerEntry[]> {
  return db
    .select()
    .from(supplyLedger)
    .where(
      and(
        eq(supplyLedger.campaignId, campaignId),
        options.pointId ? eq(supplyLedger.pointId, options.pointId) : undefined,
        options.before ? lt(supplyLedger.id, options.before) : undefined,
      ),
    )
    .orderBy(desc(supplyLedger.id))
    .limit(options.limit)
}
