import type { Actor } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { ScorePart } from './dispatch.schema.ts'
import { insertProposals, type NewProposal, PROPOSAL_SENT_JOB } from './proposal.repository.ts'

const HOUR_MS = 3_600_000
/** A volunteer has two days to answer; then the proposal expires and the ask is back in the list. */
export const PROPOSAL_TTL_HOURS = 48

export interface ProposalPair {
  listingId: string
  volunteerId: string
  score: number
  parts: ScorePart[]
}

/**
 * Writes the proposals, one job per proposal written (the email and the notification) and the
 * audit, in the caller's transaction: a rollback sends nothing. A volunteer who already has the
 * ask pending is skipped, so nothing goes twice.
 */
export async function writeProposals(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  me: Actor,
  pairs: readonly ProposalPair[],
  planId: string | null,
): Promise<number> {
  const now = services.clock.now()
  const rows: NewProposal[] = pairs.map((p) => ({
    id: services.ids(),
    territoryId: territory.id,
    listingId: p.listingId,
    volunteerId: p.volunteerId,
    planId,
    proposedBy: me.accountId,
    score: p.score,
    parts: p.parts,
    createdAt: now,
    expiresAt: new Date(now.getTime() + PROPOSAL_TTL_HOURS * HOUR_MS),
  }))
  const written = await insertProposals(tx, rows)
  for (const proposalId of written) await services.jobs.enqueue(PROPOSAL_SENT_JOB, { proposalId }, { tx })
  const asks = new Set(rows.filter((r) => written.includes(r.id)).map((r) => r.listingId))
  if (planId)
    await services.audit.record(
      {
        territoryId: territory.id,
        actorId: me.accountId,
        action: 'dispatch.plan-sent',
        targetId: planId,
        details: { proposals: written.length, asks: asks.size },
      },
      tx,
    )
  else
    for (const listingId of asks)
      await services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'dispatch.proposed',
          targetId: listingId,
          details: {
            proposals: rows.filter((r) => r.listingId === listingId && written.includes(r.id)).length,
          },
        },
        tx,
      )
  return written.length
}
