import { and, asc, desc, eq, getTableColumns, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import {
  type AllocationStatus,
  type ProposalStatus,
  supplyAllocations,
  supplyPoints,
  supplyProposals,
  supplyRequests,
} from './campaign.schema.ts'
import type { SupplyAllocation } from './request.repository.ts'
import type { SupplyRequest } from './request.ts'

export type Proposal = typeof supplyProposals.$inferSelect

export async function insertProposal(
  tx: DbOrTx,
  proposal: Proposal,
  rows: SupplyAllocation[],
): Promise<void> {
  await tx.insert(supplyProposals).values(proposal)
  // A few hundred rows per statement keeps each one well under the protocol's parameter limit.
  for (let i = 0; i < rows.length; i += 500) await tx.insert(supplyAllocations).values(rows.slice(i, i + 500))
}

/** The campaign's drafts are set aside when a new proposal replaces them. */
export async function discardDrafts(tx: DbOrTx, campaignId: string, now: Date): Promise<void> {
  await tx
    .update(supplyProposals)
    .set({ status: 'discarded', decidedAt: now })
    .where(and(eq(supplyProposals.campaignId, campaignId), eq(supplyProposals.status, 'draft')))
}

export async function latestProposal(db: DbOrTx, campaignId: string): Promise<Proposal | null> {
  const [row] = await db
    .select()
    .from(supplyProposals)
    .where(eq(supplyProposals.campaignId, campaignId))
    .orderBy(desc(supplyProposals.createdAt), desc(supplyProposals.id))
    .limit(1)
  return row ?? null
}

export async function findProposal(db: DbOrTx, campaignId: string, id: string): Promise<Proposal | null> {
  const [row] = await db
    .select()
    .from(supplyProposals)
    .where(and(eq(supplyProposals.campaignId, campaignId), eq(supplyProposals.id, id)))
  return row ?? null
}

export type ProposalRow = {
  allocation: SupplyAllocation
  request: SupplyRequest
  point: typeof supplyPoints.$inferSelect
}

/** A proposal's rows with their request and point, front-line first, then the oldest request. */
export function rowsOfProposal(db: DbOrTx, proposalId: string): Promise<ProposalRow[]> {
  return db
    .select({
      allocation: getTableColumns(supplyAllocations),
      request: getTableColumns(supplyRequests),
      point: getTableColumns(supplyPoints),
    })
    .from(supplyAllocations)
    .innerJoin(supplyRequests, eq(supplyRequests.id, supplyAllocations.requestId))
    .innerJoin(supplyPoints, eq(supplyPoints.id, supplyAllocations.pointId))
    .where(and(eq(supplyAllocations.proposalId, proposalId), ne(supplyAllocations.status, 'cancelled')))
    .orderBy(
      sql`case ${supplyRequests.priority} when 'front-line' then 0 when 'vulnerable' then 1 else 2 end`,
      asc(supplyRequests.createdAt),
      asc(supplyRequests.id),
      asc(supplyPoints.position),
    )
}

/** An allocation of the campaign, whatever its state. */
export async function findAllocation(db: DbOrTx, campaignId: string, id: string) {
  const [row] = await db
    .select()
    .from(supplyAllocations)
    .where(and(eq(supplyAllocations.campaignId, campaignId), eq(supplyAllocations.id, id)))
  return row ?? null
}

/** Changes a row of a draft (its point or quantity); null when the row is no longer a proposed one. */
export async function changeProposedRow(
  tx: DbOrTx,
  id: string,
  change: { pointId: string; quantity: number },
  now: Date,
) {
  const [row] = await tx
    .update(supplyAllocations)
    .set({ ...change, updatedAt: now })
    .where(and(eq(supplyAllocations.id, id), eq(supplyAllocations.status, 'proposed')))
    .returning()
  return row ?? null
}

/** A proposed row goes: it was never more than a suggestion, so no ledger entry names it. */
export async function removeProposedRow(tx: DbOrTx, id: string): Promise<boolean> {
  const rows = await tx
    .delete(supplyAllocations)
    .where(and(eq(supplyAllocations.id, id), eq(supplyAllocations.status, 'proposed')))
    .returning({ id: supplyAllocations.id })
  return rows.length > 0
}

/**
 * Moves a proposal out of draft in one conditional update: of two staff applying it at once, the
 * second waits for the first's transaction and then finds it no longer a draft.
 */
export async function decideProposal(
  tx: DbOrTx,
  id: string,
  to: Exclude<ProposalStatus, 'draft'>,
  now: Date,
): Promise<Proposal | null> {
  const [row] = await tx
    .update(supplyProposals)
    .set({ status: to, decidedAt: now })
    .where(and(eq(supplyProposals.id, id), eq(supplyProposals.status, 'draft')))
    .returning()
  return row ?? null
}

/** The rows of an applied proposal become allocations, with the day from which to collect. */
export function confirmRows(tx: DbOrTx, proposalId: string, collectFrom: string, now: Date) {
  return tx
    .update(supplyAllocations)
    .set({ status: 'confirmed', collectFrom, notifiedAt: now, updatedAt: now })
    .where(and(eq(supplyAllocations.proposalId, proposalId), eq(supplyAllocations.status, 'proposed')))
    .returning()
}

/** One step of an allocation's life, taken once: null when it is no longer in `from`. */
export async function moveAllocation(
  tx: DbOrTx,
  campaignId: string,
  id: string,
  from: AllocationStatus,
  to: AllocationStatus,
  now: Date,
): Promise<SupplyAllocation | null> {
  const [row] = await tx
    .update(supplyAllocations)
    .set({ status: to, updatedAt: now })
    .where(
      and(
        eq(supplyAllocations.campaignId, campaignId),
        eq(supplyAllocations.id, id),
        eq(supplyAllocations.status, from),
      ),
    )
    .returning()
  return row ?? null
}
