import { and, asc, desc, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import {
  type Priority,
  type RequestStatus,
  supplyAllocations,
  supplyCampaigns,
  supplyPoints,
  supplyRequests,
} from './campaign.schema.ts'
import type { SupplyRequest } from './request.ts'

export type SupplyPoint = typeof supplyPoints.$inferSelect
export type SupplyAllocation = typeof supplyAllocations.$inferSelect

export async function insertRequest(tx: DbOrTx, row: SupplyRequest): Promise<void> {
  await tx.insert(supplyRequests).values(row)
}

/** A campaign's points in their order; the pages and the allocation filter by role. */
export function pointsOf(db: DbOrTx, campaignId: string): Promise<SupplyPoint[]> {
  return db
    .select()
    .from(supplyPoints)
    .where(eq(supplyPoints.campaignId, campaignId))
    .orderBy(asc(supplyPoints.position))
}

/** The request, when it belongs to this campaign. */
export async function findRequest(db: DbOrTx, campaignId: string, id: string): Promise<SupplyRequest | null> {
  const [row] = await db
    .select()
    .from(supplyRequests)
    .where(and(eq(supplyRequests.campaignId, campaignId), eq(supplyRequests.id, id)))
  return row ?? null
}

/** The request, when it is this person's and its campaign is of this territory. */
export async function findOwnRequest(
  db: DbOrTx,
  territoryId: string,
  accountId: string,
  id: string,
): Promise<SupplyRequest | null> {
  const [row] = await db
    .select(getTableColumns(supplyRequests))
    .from(supplyRequests)
    .innerJoin(supplyCampaigns, eq(supplyCampaigns.id, supplyRequests.campaignId))
    .where(
      and(
        eq(supplyRequests.id, id),
        eq(supplyRequests.accountId, accountId),
        eq(supplyCampaigns.territoryId, territoryId),
      ),
    )
  return row ?? null
}

export type OwnRequest = {
  request: SupplyRequest
  campaign: { id: string; title: string; unit: string; status: string }
}

/** A person's requests in the territory, newest first, with their campaign named. */
export function requestsOfAccount(db: DbOrTx, territoryId: string, accountId: string): Promise<OwnRequest[]> {
  return db
    .select({
      request: getTableColumns(supplyRequests),
      campaign: {
        id: supplyCampaigns.id,
        title: supplyCampaigns.title,
        unit: supplyCampaigns.unit,
        status: supplyCampaigns.status,
      },
    })
    .from(supplyRequests)
    .innerJoin(supplyCampaigns, eq(supplyCampaigns.id, supplyRequests.campaignId))
    .where(and(eq(supplyRequests.accountId, accountId), eq(supplyCampaigns.territoryId, territoryId)))
    .orderBy(desc(supplyRequests.createdAt), desc(supplyRequests.id))
}

/** The allocations of these requests, with the point they are collected at; cancelled ones left out. */
export function allocationsOfRequests(db: DbOrTx, requestIds: string[], withProposed = false) {
  if (requestIds.length === 0) return Promise.resolve([])
  return db
    .select({ allocation: getTableColumns(supplyAllocations), point: getTableColumns(supplyPoints) })
    .from(supplyAllocations)
    .innerJoin(supplyPoints, eq(supplyPoints.id, supplyAllocations.pointId))
    .where(
      and(
        inArray(supplyAllocations.requestId, requestIds),
        ne(supplyAllocations.status, 'cancelled'),
        withProposed ? undefined : ne(supplyAllocations.status, 'proposed'),
      ),
    )
    .orderBy(asc(supplyAllocations.createdAt), asc(supplyAllocations.id))
}

/** front-line first, then vulnerable, then the general public: the order staff read them in. */
export const priorityRank = sql<number>`case ${supplyRequests.priority} when 'front-line' then 0 when 'vulnerable' then 1 else 2 end`

/** A campaign's requests by priority, then the oldest first, as the filters say. */
export function requestsOfCampaign(
  db: DbOrTx,
  campaignId: string,
  filter: { statuses?: RequestStatus[]; pointId?: string | null } = {},
): Promise<SupplyRequest[]> {
  return db
    .select()
    .from(supplyRequests)
    .where(
      and(
        eq(supplyRequests.campaignId, campaignId),
        filter.statuses ? inArray(supplyRequests.status, filter.statuses) : undefined,
        filter.pointId ? eq(supplyRequests.preferredPointId, filter.pointId) : undefined,
      ),
    )
    .orderBy(priorityRank, asc(supplyRequests.createdAt), asc(supplyRequests.id))
}

/** The person cancels a request nothing is allocated to yet; null when it is not (or no longer) open. */
export async function cancelOwnRequest(tx: DbOrTx, id: string, accountId: string, now: Date) {
  const [row] = await tx
    .update(supplyRequests)
    .set({ status: 'cancelled', updatedAt: now })
    .where(
      and(
        eq(supplyRequests.id, id),
        eq(supplyRequests.accountId, accountId),
        eq(supplyRequests.status, 'open'),
        eq(supplyRequests.allocated, 0),
      ),
    )
    .returning()
  return row ?? null
}

/** Staff change the priority of a live request; null when it is no longer live. */
export async function setPriority(tx: DbOrTx, campaignId: string, id: string, priority: Priority, now: Date) {
  const [row] = await tx
    .update(supplyRequests)
    .set({ priority, updatedAt: now })
    .where(
      and(
        eq(supplyRequests.campaignId, campaignId),
        eq(supplyRequests.id, id),
        inArray(supplyRequests.status, ['open', 'allocated']),
      ),
    )
    .returning()
  return row ?? null
}

/** Staff refuse an open request nothing is allocated to; null when it is not. */
export async function refuseRequest(tx: DbOrTx, campaignId: string, id: string, reason: string, now: Date) {
  const [row] = await tx
    .update(supplyRequests)
    .set({ status: 'refused', statusReason: reason, updatedAt: now })
    .where(
      and(
        eq(supplyRequests.campaignId, campaignId),
        eq(supplyRequests.id, id),
        eq(supplyRequests.status, 'open'),
        eq(supplyRequests.allocated, 0),
      ),
    )
    .returning()
  return row ?? null
}

/** Units still wanted by live requests, by the point they prefer (null: no preference). */
export async function openDemandByPoint(db: DbOrTx, campaignId: string): Promise<Map<string | null, number>> {
  const rows = await db
    .select({
      pointId: supplyRequests.preferredPointId,
      units: sql<number>`coalesce(sum(${supplyRequests.quantity} - ${supplyRequests.allocated}), 0)::int`,
    })
    .from(supplyRequests)
    .where(
      and(eq(supplyRequests.campaignId, campaignId), inArray(supplyRequests.status, ['open', 'allocated'])),
    )
    .groupBy(supplyRequests.preferredPointId)
  return new Map(rows.map((r) => [r.pointId, r.units]))
}

/**
 * Moves a request's counters with its allocations, in one conditional update: the table's check
 * refuses more allocated than asked (or more collected than allocated), and the status follows.
 */
export async function moveRequestCounters(
  tx: DbOrTx,
  id: string,
  delta: { allocated: number; collected: number },
  now: Date,
): Promise<SupplyRequest | null> {
  const allocated = sql`${supplyRequests.allocated} + ${delta.allocated}`
  const collected = sql`${supplyRequests.collected} + ${delta.collected}`
  const [row] = await tx
    .update(supplyRequests)
    .set({
      allocated: sql`${allocated}`,
      collected: sql`${collected}`,
      status: sql`case when ${collected} > 0 and ${collected} = ${allocated} and ${allocated} = ${supplyRequests.quantity} then 'collected'
        when ${allocated} > 0 then 'allocated' else 'open' end`,
      updatedAt: now,
    })
    .where(and(eq(supplyRequests.id, id), inArray(supplyRequests.status, ['open', 'allocated'])))
    .returning()
  return row ?? null
}
