import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { type BatchStatus, supplyBatches, supplyCampaigns, supplyMakers } from './campaign.schema.ts'

export type Maker = typeof supplyMakers.$inferSelect
export type Batch = typeof supplyBatches.$inferSelect

/** The person's own participation, or that of the organisation they speak for, in a campaign. */
export async function findMaker(
  db: DbOrTx,
  campaignId: string,
  accountId: string,
  organisationId: string | null,
): Promise<Maker | null> {
  const [row] = await db
    .select()
    .from(supplyMakers)
    .where(
      and(
        eq(supplyMakers.campaignId, campaignId),
        organisationId
          ? eq(supplyMakers.organisationId, organisationId)
          : and(eq(supplyMakers.accountId, accountId), isNull(supplyMakers.organisationId)),
      ),
    )
  return row ?? null
}

export async function makerById(db: DbOrTx, campaignId: string, id: string): Promise<Maker | null> {
  const [row] = await db
    .select()
    .from(supplyMakers)
    .where(and(eq(supplyMakers.campaignId, campaignId), eq(supplyMakers.id, id)))
  return row ?? null
}

/** Declares or updates a capacity: one row per person (or organisation) and campaign. */
export async function saveMaker(db: DbOrTx, row: Maker): Promise<Maker> {
  const existing = await findMaker(db, row.campaignId, row.accountId, row.organisationId)
  if (existing) {
    const [updated] = await db
      .update(supplyMakers)
      .set({
        weeklyCapacity: row.weeklyCapacity,
        stockHeld: row.stockHeld,
        communeInsee: row.communeInsee,
        accountId: row.accountId,
        updatedAt: row.updatedAt,
      })
      .where(eq(supplyMakers.id, existing.id))
      .returning()
    return updated!
  }
  await db.insert(supplyMakers).values(row)
  return row
}

export async function makersOfCampaign(db: DbOrTx, campaignId: string): Promise<Maker[]> {
  return db
    .select()
    .from(supplyMakers)
    .where(eq(supplyMakers.campaignId, campaignId))
    .orderBy(desc(supplyMakers.weeklyCapacity))
    .limit(1000)
}

/**
 * The participations one may act for in the territory: one's own, and those of the organisations
 * given (the ones one manages), each with its campaign.
 */
export async function participationsOf(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
  organisationIds: string[],
) {
  const own = and(eq(supplyMakers.accountId, accountId), isNull(supplyMakers.organisationId))
  return db
    .select({ maker: supplyMakers, campaign: supplyCampaigns })
    .from(supplyMakers)
    .innerJoin(supplyCampaigns, eq(supplyCampaigns.id, supplyMakers.campaignId))
    .where(
      and(
        eq(supplyCampaigns.territoryId, territoryId),
        organisationIds.length > 0
          ? sql`(${own} or ${inArray(supplyMakers.organisationId, organisationIds)})`
          : own,
      ),
    )
    .orderBy(desc(supplyCampaigns.startsOn))
    .limit(200)
}

export async function batchesOfMakers(db: DbOrTx, makerIds: string[]): Promise<Batch[]> {
  if (makerIds.length === 0) return []
  return db
    .select()
    .from(supplyBatches)
    .where(inArray(supplyBatches.makerId, makerIds))
    .orderBy(desc(supplyBatches.createdAt))
    .limit(2000)
}

export async function batchesOfCampaign(db: DbOrTx, campaignId: string, status?: BatchStatus) {
  return db
    .select()
    .from(supplyBatches)
    .where(
      and(eq(supplyBatches.campaignId, campaignId), status ? eq(supplyBatches.status, status) : undefined),
    )
    .orderBy(supplyBatches.createdAt)
    .limit(1000)
}

export async function findBatch(db: DbOrTx, campaignId: string, id: string): Promise<Batch | null> {
  const [row] = await db
    .select()
    .from(supplyBatches)
    .where(and(eq(supplyBatches.campaignId, campaignId), eq(supplyBatches.id, id)))
  return row ?? null
}

export async function insertBatch(db: DbOrTx, row: Batch): Promise<void> {
  await db.insert(supplyBatches).values(row)
}

/**
 * Decides a batch still declared, in one conditional update: a second click (or a second staff
 * member) finds it decided and changes nothing; null then.
 */
export async function decideBatch(
  db: DbOrTx,
  id: string,
  decision: Pick<Batch, 'status' | 'receivedQuantity' | 'refusalReason' | 'decidedAt' | 'decidedBy'>,
): Promise<Batch | null> {
  const [row] = await db
    .update(supplyBatches)
    .set(decision)
    .where(and(eq(supplyBatches.id, id), eq(supplyBatches.status, 'declared')))
    .returning()
  return row ?? null
}
