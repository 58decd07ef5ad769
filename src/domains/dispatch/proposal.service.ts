import type { Actor } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import { type MessageKey, type Params, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { type Listing, listingById, listingsByIds, lockListing } from '../listings/index.ts'
import { MatchRefusal, respondInTransaction } from '../matches/index.ts'
import { notify } from '../notifications/index.ts'
import { coordinator, volunteer } from './access.ts'
import {
  acceptIfFirst,
  declinePending,
  findProposal,
  proposalsOf,
  takeOthers,
} from './dispatch.repository.ts'
import type { DispatchProposalStatus } from './dispatch.schema.ts'
import type { ProposalRow } from './proposal.repository.ts'
import { writeProposals } from './proposal-writes.ts'
import { rankedAsks, rankedVolunteers } from './ranking.ts'
import { rankFor, waitingAsk } from './suggestion.service.ts'

/** At most this many volunteers at once for one ask: a proposal is a request, not a broadcast. */
export const PROPOSE_MAX = 20
/** The response's first message has this limit (matches' MESSAGE_MAX): said before anything is tried. */
export const ACCEPT_MESSAGE_MAX = 1000

/** Why an answer to a proposal was refused, in words the volunteer reads. */
export class ProposalRefusal extends HttpError {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(409, key)
  }
}

/** The response's own checks refused the message: the acceptance is rolled back and the form says why. */
class InvalidResponse extends Error {
  constructor(readonly issues: Issue[]) {
    super('invalid response')
  }
}

const REFUSALS: Record<Exclude<DispatchProposalStatus, 'pending'>, MessageKey> = {
  accepted: 'dispatch.refused.accepted',
  declined: 'dispatch.refused.declined',
  expired: 'dispatch.refused.expired',
  taken: 'dispatch.refused.taken',
  withdrawn: 'dispatch.refused.withdrawn',
}

export type ProposeResult = { kind: 'sent'; count: number } | { kind: 'invalid'; issues: Issue[] }

export class ProposalService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /**
   * The coordinator proposes one ask to the volunteers ticked. Only suggestions count: a volunteer
   * who opted out, is suspended, out of reach or of another territory is refused by name.
   */
  async propose(
    actor: Actor | null,
    territory: Territory,
    listingId: string,
    raw: unknown,
  ): Promise<ProposeResult> {
    const me = coordinator(actor, 'dispatch:write')
    const listing = await waitingAsk(this.services, territory, listingId)
    const ids = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]
    if (ids.length === 0)
      return { kind: 'invalid', issues: [{ field: 'volunteers', key: 'dispatch.propose.none' }] }
    if (ids.length > PROPOSE_MAX)
      return {
        kind: 'invalid',
        issues: [{ field: 'volunteers', key: 'dispatch.propose.tooMany', params: { max: PROPOSE_MAX } }],
      }
    const [ask] = await rankedAsks(this.services, territory, [listing])
    const ranked = new Map(
      (await rankFor(this.services, territory, ask!, await rankedVolunteers(this.services, territory))).map(
        (s) => [s.volunteerId, s],
      ),
    )
    const chosen = ids.map((id) => (typeof id === 'string' && isUuid(id) ? ranked.get(id) : undefined))
    if (chosen.some((s) => s === undefined))
      return { kind: 'invalid', issues: [{ field: 'volunteers', key: 'dispatch.propose.unknown' }] }
    const pairs = [...new Map(chosen.map((s) => [s!.volunteerId, s!])).values()].map((s) => ({
      listingId: listing.id,
      volunteerId: s.volunteerId,
      score: s.score,
      parts: s.parts,
    }))
    const count = await this.#db.transaction((tx) =>
      writeProposals(this.services, tx, territory, me, pairs, null),
    )
    return { kind: 'sent', count }
  }

  /** The volunteer's own proposals with their asks' titles; never who else received them. */
  async mine(actor: Actor | null, territory: Territory) {
    const me = volunteer(actor, 'dispatch:read')
    const rows = await proposalsOf(this.#db, territory.id, me.accountId)
    const listings = await listingsByIds(
      this.#db,
      territory.id,
      rows.map((r) => r.listingId),
    )
    return rows.map((r) => ({ proposal: r, listing: listings.get(r.listingId) ?? null }))
  }

  /** One of my proposals and its ask; another volunteer's, or another territory's, is a 404. */
  async view(actor: Actor | null, territory: Territory, id: string) {
    const me = volunteer(actor, 'dispatch:read')
    const proposal = await this.#mine(me, territory, id)
    const listing = await listingById(this.#db, territory.id, proposal.listingId)
    if (!listing) throw notFound()
    return { proposal, listing }
  }

  async #mine(me: Actor, territory: Territory, id: string): Promise<ProposalRow> {
    if (!isUuid(id)) throw notFound()
    const proposal = await findProposal(this.#db, territory.id, id)
    if (!proposal || proposal.volunteerId !== me.accountId) throw notFound()
    return proposal
  }

  #refuseIfAnswered(proposal: ProposalRow) {
    if (proposal.status !== 'pending') throw new ProposalRefusal(REFUSALS[proposal.status])
    if (proposal.expiresAt.getTime() < this.services.clock.now().getTime())
      throw new ProposalRefusal('dispatch.refused.expired')
  }

  /**
   * « Je peux aider »: the first volunteer to accept gets the ask. In one transaction, under the
   * ask's row lock: the proposal becomes accepted only if no other was, the response is written
   * by matches' own rules (as if the volunteer had answered the listing: the author, or the phone
   * line's agent, confirms it as usual), the other proposals are taken and their volunteers told,
   * and the acceptance is audited. A refusal anywhere (the author blocked the volunteer a moment
   * before, the daily limit) leaves everything as it was: the proposal still pending.
   */
  async accept(actor: Actor | null, territory: Territory, id: string, rawMessage: unknown) {
    const me = volunteer(actor, 'dispatch:write')
    const proposal = await this.#mine(me, territory, id)
    this.#refuseIfAnswered(proposal)
    const typed = typeof rawMessage === 'string' ? rawMessage.trim() : ''
    if (rawMessage !== undefined && typeof rawMessage !== 'string')
      return {
        kind: 'invalid' as const,
        issues: [{ field: 'message', key: 'dispatch.accept.message' } as Issue],
      }
    if (typed.length > ACCEPT_MESSAGE_MAX)
      return {
        kind: 'invalid' as const,
        issues: [
          { field: 'message', key: 'dispatch.accept.tooLong', params: { max: ACCEPT_MESSAGE_MAX } } as Issue,
        ],
      }
    const message = typed || translator(me.locale)('dispatch.accept.defaultMessage')
    const now = this.services.clock.now()
    try {
      const matchId = await this.#db.transaction(async (tx) => {
        const locked = await lockListing(tx, territory.id, proposal.listingId)
        if (!locked || locked.status !== 'published') throw new ProposalRefusal('dispatch.refused.closed')
        if (!(await acceptIfFirst(tx, proposal, now))) throw new ProposalRefusal('dispatch.refused.taken')
        const listing = await listingById(tx, territory.id, proposal.listingId)
        if (!listing) throw new ProposalRefusal('dispatch.refused.closed')
        const matchId = await this.#respond(tx, me, territory, listing, message)
        const others = await takeOthers(tx, proposal.listingId, proposal.id)
        for (const other of others)
          await notify(this.services, tx, {
            territory,
            accountId: other.volunteerId,
            kind: 'dispatch.taken',
            params: { title: listing.title },
            link: `/mes-propositions/${other.id}`,
          })
        await this.services.audit.record(
          {
            territoryId: territory.id,
            actorId: me.accountId,
            action: 'dispatch.accepted',
            targetId: proposal.listingId,
            details: { proposal: proposal.id, taken: others.length },
          },
          tx,
        )
        return matchId
      })
      return { kind: 'accepted' as const, matchId }
    } catch (error) {
      if (error instanceof InvalidResponse) return { kind: 'invalid' as const, issues: error.issues }
      throw error
    }
  }

  /** The volunteer's response to the ask, in the acceptance's transaction; its id. */
  async #respond(tx: DbOrTx, me: Actor, territory: Territory, listing: Listing, message: string) {
    try {
      const result = await respondInTransaction(this.services, tx, me, territory, listing, {
        message,
        shares: [],
      })
      // Thrown, so the transaction takes the acceptance back with it.
      if (result.kind === 'invalid') throw new InvalidResponse(result.issues)
      return result.match.id
    } catch (error) {
      // They answered the ask themselves a moment before: that response is the proposal's.
      if (error instanceof MatchRefusal && error.key === 'match.refused.already' && error.matchId)
        return error.matchId
      // Said on the proposal's page, in the words of the listing page (« pas possible de répondre »).
      if (error instanceof MatchRefusal) throw new ProposalRefusal(error.key, error.params)
      throw error
    }
  }

  /** « Je ne peux pas », with its time: the ask stays in the coordinators' list. */
  async decline(actor: Actor | null, territory: Territory, id: string) {
    const me = volunteer(actor, 'dispatch:write')
    const proposal = await this.#mine(me, territory, id)
    this.#refuseIfAnswered(proposal)
    if (!(await declinePending(this.#db, proposal.id, this.services.clock.now())))
      throw new ProposalRefusal('dispatch.refused.declined')
    return { kind: 'declined' as const }
  }
}
