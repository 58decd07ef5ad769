import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { supplyBatches, supplyLedger, supplyPoints, supplyRequests } from './campaign.schema.ts'

/** A count per commune, by INSEE code: what the public progress page adds up. */
export type CountByCommune = { communeInsee: string; count: number }[]

/** Made: what confirmed batches brought, by the commune of the point that received them. */
export async function madeByCommune(db: DbOrTx, campaignId: string): Promise<CountByCommune> {
  return db
    .select({
      communeInsee: supplyPoints.communeInsee,
      count: sql<number>`sum(${supplyBatches.receivedQuantity})::int`,
    })
    .from(supplyBatches)
    .innerJoin(supplyPoints, eq(supplyPoints.id, supplyBatches.pointId))
    .where(and(eq(supplyBatches.campaignId, campaignId), eq(supplyBatches.status, 'confirmed')))
    .groupBy(supplyPoints.communeInsee)
}

/** Distributed: what the ledger says was handed out, by the commune of the point. */
export async function distributedByCommune(db: DbOrTx, campaignId: string): Promise<CountByCommune> {
  return db
    .select({
      communeInsee: supplyPoints.communeInsee,
      count: sql<number>`(-sum(${supplyLedger.onHandDelta}))::int`,
    })
    .from(supplyLedger)
    .innerJoin(supplyPoints, eq(supplyPoints.id, supplyLedger.pointId))
    .where(and(eq(supplyLedger.campaignId, campaignId), eq(supplyLedger.movement, 'handed-out')))
    .groupBy(supplyPoints.communeInsee)
}

/** Requests still open, counted by the requester's commune: a count, never who. */
export async function openRequestsByCommune(db: DbOrTx, campaignId: string): Promise<CountByCommune> {
  return db
    .select({ communeInsee: supplyRequests.communeInsee, count: sql<number>`count(*)::int` })
    .from(supplyRequests)
    .where(and(eq(supplyRequests.campaignId, campaignId), eq(supplyRequests.status, 'open')))
    .groupBy(supplyRequests.communeInsee)
}
