import type { Actor } from '../../platform/auth/actor.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { proposalCandidates } from '../accounts/index.ts'
import { listingsByIds } from '../listings/index.ts'
import { blockedPairs } from '../matches/index.ts'
import { coordinator } from './access.ts'
import { greedyAssignment, optimalAssignment, type ScoredPair } from './assignment.ts'
import { pendingPerVolunteer } from './dispatch.repository.ts'
import { type AskPoint, candidatePairs, type VolunteerPoint } from './pairs.ts'
import { findPlan, insertPlan, markPlanSent, markRemoved, type PlanPairRow } from './plan.repository.ts'
import { writeProposals } from './proposal-writes.ts'
import { MAX_KM, pairFacts, rankedAsks, rankedVolunteers, verifiedOf } from './ranking.ts'
import { scorePair } from './score.ts'
import { waitingAsks } from './unanswered.service.ts'

/** A volunteer takes at most this many asks in progress, matches and pending proposals together. */
export const VOLUNTEER_CAPACITY = 2
/** Candidate pairs kept per ask, the nearest: enough choice for the solver, few enough to stay fast. */
const PER_ASK = 30

export type SendResult = { kind: 'sent'; count: number } | { kind: 'invalid'; issues: Issue[] }

export class PlanService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /**
   * « Proposer pour toutes »: every listed ask and every volunteer who can take more, the
   * plausible pairs (reach, category, verification), their scores, and the assignment that
   * maximises the total score exactly; the greedy total is kept beside it to show what it gained.
   */
  async create(actor: Actor | null, territory: Territory): Promise<string> {
    const me = coordinator(actor, 'dispatch:write')
    const asks = await rankedAsks(this.services, territory, await waitingAsks(this.services, territory))
    const volunteers = await rankedVolunteers(this.services, territory)
    const pending = await pendingPerVolunteer(this.#db, territory.id)
    const verified = await verifiedOf(
      this.services,
      territory,
      volunteers.map((v) => v.candidate.id),
    )
    const askPoints: AskPoint[] = asks.map((a) => ({
      id: a.listing.id,
      category: a.category?.slug ?? '',
      needsVerified: Boolean(a.category?.needsVerifiedVolunteer),
      ...a.point,
    }))
    const placed = volunteers.filter((v) => v.commune)
    const volunteerPoints: VolunteerPoint[] = placed.map((v) => ({
      id: v.candidate.id,
      latitude: v.commune!.latitude,
      longitude: v.commune!.longitude,
      radiusKm: v.candidate.radiusKm,
      categories: new Set(v.candidate.interests),
      verified: verified.has(v.candidate.id),
      capacity: Math.max(0, VOLUNTEER_CAPACITY - v.openMatches - (pending.get(v.candidate.id) ?? 0)),
    }))
    const candidates = candidatePairs(askPoints, volunteerPoints, { maxKm: MAX_KM, perAsk: PER_ASK })
    // Neither the author nor someone blocked either way: the same exclusions as one ask's
    // suggestions, read for every pair at once.
    const blocked = await blockedPairs(
      this.#db,
      asks.map((a) => a.listing.authorId),
      candidates.map((c) => volunteerPoints[c.volunteerIndex]!.id),
    )
    const kept = candidates.filter((c) => {
      const author = asks[c.askIndex]!.listing.authorId
      const v = volunteerPoints[c.volunteerIndex]!.id
      return v !== author && !blocked.has(`${author} ${v}`)
    })
    const scored = kept.map((c) => {
      const ask = asks[c.askIndex]!
      const volunteer = placed[c.volunteerIndex]!
      return {
        c,
        ...scorePair(pairFacts(ask, volunteer, c.distanceKm, verified.has(volunteer.candidate.id))),
      }
    })
    const pairs: ScoredPair[] = scored.map((s) => ({
      ask: s.c.askIndex,
      volunteer: s.c.volunteerIndex,
      score: s.score,
    }))
    const capacity = (v: number) => volunteerPoints[v]!.capacity
    const optimal = await optimalAssignment(pairs, capacity)
    const greedy = greedyAssignment(pairs, capacity)
    const planId = this.services.ids()
    const rows: PlanPairRow[] = optimal.chosen.map((i) => {
      const s = scored[i]!
      return {
        planId,
        listingId: asks[s.c.askIndex]!.listing.id,
        volunteerId: volunteerPoints[s.c.volunteerIndex]!.id,
        score: s.score,
        parts: s.parts,
        distanceKm: Math.round(s.c.distanceKm),
        removed: false,
      }
    })
    const now = this.services.clock.now()
    await this.#db.transaction((tx) =>
      insertPlan(
        tx,
        {
          id: planId,
          territoryId: territory.id,
          createdBy: me.accountId,
          createdAt: now,
          sentAt: null,
          figures: {
            asks: asks.length,
            volunteers: volunteerPoints.filter((v) => v.capacity > 0).length,
            pairs: pairs.length,
            solverMs: Math.round(optimal.solverMs),
            totalScore: Math.round(optimal.totalScore * 10) / 10,
            greedyScore: Math.round(greedy.totalScore * 10) / 10,
            assigned: rows.length,
          },
        },
        rows,
      ),
    )
    return planId
  }

  /** A plan of this territory with its pairs' asks and volunteers named; another territory's is a 404. */
  async view(actor: Actor | null, territory: Territory, id: string) {
    coordinator(actor, 'dispatch:read')
    const found = isUuid(id) ? await findPlan(this.#db, territory.id, id) : null
    if (!found) throw notFound()
    const listings = await listingsByIds(
      this.#db,
      territory.id,
      found.pairs.map((p) => p.listingId),
    )
    const volunteers = new Map(
      (await rankedVolunteers(this.services, territory)).map((v) => [v.candidate.id, v]),
    )
    // The asks still waiting that the plan could not place: no plausible volunteer for them.
    const placedAsks = new Set(found.pairs.map((p) => p.listingId))
    const unplaced = (await waitingAsks(this.services, territory)).filter(
      (a) => !placedAsks.has(a.id) && a.publishedAt !== null && a.publishedAt <= found.plan.createdAt,
    )
    return { ...found, listings, volunteers, unplaced }
  }

  /**
   * Sends the kept pairs as proposals, once: the plan is marked sent in the transaction that
   * writes them, so a second send (another tab, a double click) is refused and sends nothing.
   */
  async send(
    actor: Actor | null,
    territory: Territory,
    id: string,
    rawRemoved: unknown,
  ): Promise<SendResult> {
    const me = coordinator(actor, 'dispatch:write')
    const found = isUuid(id) ? await findPlan(this.#db, territory.id, id) : null
    if (!found) throw notFound()
    const removed = Array.isArray(rawRemoved) ? rawRemoved : rawRemoved === undefined ? [] : [rawRemoved]
    const known = new Set(found.pairs.map((p) => p.listingId))
    if (removed.some((r) => typeof r !== 'string' || !known.has(r)))
      return { kind: 'invalid', issues: [{ field: 'remove', key: 'dispatch.plan.unknownPair' }] }
    if (found.plan.sentAt)
      return { kind: 'invalid', issues: [{ field: 'plan', key: 'dispatch.plan.alreadySent' }] }
    const out = new Set(removed as string[])
    // Someone who opted out (or was suspended) since the plan was made gets nothing.
    const stillWilling = new Set(
      (
        await proposalCandidates(
          this.#db,
          territory.id,
          found.pairs.map((p) => p.volunteerId),
        )
      ).map((c) => c.id),
    )
    const count = await this.#db.transaction(async (tx) => {
      if (!(await markPlanSent(tx, territory.id, id, this.services.clock.now()))) return null
      await markRemoved(tx, id, [...out])
      const kept = found.pairs.filter((p) => !out.has(p.listingId) && stillWilling.has(p.volunteerId))
      return writeProposals(this.services, tx, territory, me, kept, id)
    })
    if (count === null)
      return { kind: 'invalid', issues: [{ field: 'plan', key: 'dispatch.plan.alreadySent' }] }
    return { kind: 'sent', count }
  }
}
