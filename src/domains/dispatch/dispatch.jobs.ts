import type { AppServices } from '../../platform/services.ts'
import { proposalCandidates } from '../accounts/index.ts'
import { listingById, listingsByIds } from '../listings/index.ts'
import { answeredListings } from '../matches/index.ts'
import { notify } from '../notifications/index.ts'
import {
  asksWithPending,
  expireDue,
  proposalById,
  withdrawPending,
  withdrawProposal,
} from './dispatch.repository.ts'
import { PROPOSAL_SENT_JOB } from './proposal.repository.ts'

export const PROPOSALS_SWEEP_JOB = 'dispatch.proposals-sweep'
/** Every quarter of an hour: a proposal a few minutes past its 48 hours is fine. */
export const SWEEP_INTERVAL_SECONDS = 900

/**
 * Tells the volunteer an ask was proposed to them (notification, and email as their preference
 * says). Checked again here: one who opted out or was suspended since gets nothing, and the
 * proposal is withdrawn; one already answered, expired or taken is left alone.
 */
export async function sendProposal(services: AppServices, proposalId: string): Promise<boolean> {
  const { db } = services.database
  const proposal = await proposalById(db, proposalId)
  if (proposal?.status !== 'pending') return false
  const territory = (await services.territories.list()).find((t) => t.id === proposal.territoryId)
  if (!territory) return false
  const willing = await proposalCandidates(db, territory.id, [proposal.volunteerId])
  if (willing.length === 0) {
    await withdrawProposal(db, proposal.id)
    return false
  }
  return db.transaction(async (tx) => {
    const listing = await listingById(tx, territory.id, proposal.listingId)
    if (!listing) return false
    await notify(services, tx, {
      territory,
      accountId: proposal.volunteerId,
      kind: 'dispatch.proposed',
      params: { title: listing.title },
      link: `/mes-propositions/${proposal.id}`,
    })
    return true
  })
}

/**
 * Expires proposals past their time (the ask stays in the list, it never left), and withdraws the
 * pending proposals of asks that closed or found a helper otherwise.
 */
export async function sweepProposals(services: AppServices) {
  const { db } = services.database
  const expired = await expireDue(db, services.clock.now())
  const pending = await asksWithPending(db)
  const byTerritory = new Map<string, string[]>()
  for (const p of pending)
    byTerritory.set(p.territoryId, [...(byTerritory.get(p.territoryId) ?? []), p.listingId])
  let withdrawn = 0
  for (const [territoryId, ids] of byTerritory) {
    const listings = await listingsByIds(db, territoryId, ids)
    const answered = await answeredListings(db, ids)
    const ended = ids.filter((id) => listings.get(id)?.status !== 'published' || answered.has(id))
    withdrawn += await withdrawPending(db, ended)
  }
  return { expired, withdrawn }
}

export function registerDispatchJobs(services: AppServices): void {
  services.worker.register(PROPOSAL_SENT_JOB, async (payload) => {
    const proposalId = (payload as { proposalId?: unknown }).proposalId
    if (typeof proposalId === 'string') await sendProposal(services, proposalId)
  })
  services.worker.register(PROPOSALS_SWEEP_JOB, async () => {
    await sweepProposals(services)
  })
}

/** Called once per process start; the schedule is one row shared by all processes. */
export async function scheduleDispatchJobs(services: AppServices): Promise<void> {
  await services.jobs.scheduleRecurring(PROPOSALS_SWEEP_JOB, SWEEP_INTERVAL_SECONDS)
}
