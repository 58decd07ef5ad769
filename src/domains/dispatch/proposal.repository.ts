import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { dispatchProposals, type ScorePart } from './dispatch.schema.ts'

export type ProposalRow = typeof dispatchProposals.$inferSelect

/** The job that tells a volunteer an ask was proposed to them (email and notification), one per proposal. */
export const PROPOSAL_SENT_JOB = 'dispatch.proposal-sent'

export interface NewProposal {
  id: string
  territoryId: string
  listingId: string
  volunteerId: string
  planId: string | null
  proposedBy: string
  score: number
  parts: ScorePart[]
  createdAt: Date
  expiresAt: Date
}

/**
 * Proposals in one statement; a volunteer who already has this ask pending is skipped (the
 * partial unique index), so a second click sends nothing twice. Returns the ids written.
 */
export async function insertProposals(db: DbOrTx, rows: readonly NewProposal[]): Promise<string[]> {
  if (rows.length === 0) return []
  const written = await db
    .insert(dispatchProposals)
    .values([...rows])
    .onConflictDoNothing({
      target: [dispatchProposals.listingId, dispatchProposals.volunteerId],
      where: sql`status = 'pending'`,
    })
    .returning({ id: dispatchProposals.id })
  return written.map((r) => r.id)
}
