import { type Actor, can } from '../../platform/auth/actor.ts'
import { verified } from '../../platform/auth/guards.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCard } from '../accounts/index.ts'
import { findCategory } from '../categories/index.ts'
import { type Listing, ListingService } from '../listings/index.ts'
import { isVerifiedVolunteer } from '../volunteers/index.ts'
import { hasBlocked, type MatchRow } from './match.repository.ts'
import { actionsFor, checkResponse, MATCH_LIMITS, MatchRefusal, type RespondInput } from './match.ts'
import { type MatchResult, notifyParty } from './match-guards.ts'
import { publicThanks, responsesTo } from './match-lists.ts'
import { findResponse, insertResponse, isDuplicateResponse } from './match-writes.repository.ts'

/** The write found a block that state(), read a moment later, no longer finds: it was lifted meanwhile. */
const blockedMeanwhile = () => new MatchRefusal(403, 'match.refused.blocked')

/** Whether a person may answer a listing, and if not, why (the listing page says it in words). */
export type RespondState =
  | { kind: 'visitor' }
  | { kind: 'unverified' }
  | { kind: 'own' }
  | { kind: 'already'; matchId: string }
  | { kind: 'closed' }
  | { kind: 'blocked' }
  | { kind: 'volunteer' }
  | { kind: 'open'; hasPhone: boolean }

/** Answering a listing (« Je peux aider », « Ça m’intéresse »), and what the listing page says of it. */
export class RespondService {
  readonly #listings: ListingService
  constructor(private readonly services: AppServices) {
    this.#listings = new ListingService(services)
  }

  get #db() {
    return this.services.database.db
  }

  /**
   * Whether the actor may answer this listing, and if not, why. The page reads the category from
   * the cache; answering (`fresh`) reads it from the database, so a category an administrator
   * just restricted to verified volunteers holds in every process at once.
   */
  async state(
    actor: Actor | null,
    territory: Territory,
    listing: Listing,
    options: { fresh?: boolean } = {},
  ): Promise<RespondState> {
    if (actor?.accountId === listing.authorId) return { kind: 'own' }
    const existing = actor && (await findResponse(this.#db, territory.id, listing.id, actor.accountId))
    if (existing) return { kind: 'already', matchId: existing.id }
    if (listing.status !== 'published') return { kind: 'closed' }
    if (!actor) return { kind: 'visitor' }
    if (!can(actor, 'verified')) return { kind: 'unverified' }
    if (await hasBlocked(this.#db, listing.authorId, actor.accountId)) return { kind: 'blocked' }
    const category = options.fresh
      ? await findCategory(this.#db, territory.id, listing.categoryId)
      : await this.services.categoryCache.find(territory.id, listing.categoryId)
    const now = this.services.clock.now()
    if (
      category?.needsVerifiedVolunteer &&
      !(await isVerifiedVolunteer(this.#db, territory.id, actor.accountId, now))
    )
      return { kind: 'volunteer' }
    return { kind: 'open', hasPhone: await this.#hasPhone(actor) }
  }

  async #hasPhone(actor: Actor): Promise<boolean> {
    return actor.hasPhone ?? Boolean((await accountCard(this.#db, actor.accountId))?.phone)
  }

  /**
   * The likely answer without the reads the write makes itself (already answered, blocked): the
   * listing is someone else's, published, and the category asks for no verification the person
   * lacks. False sends the caller to state() for the first reason that applies.
   */
  async #likelyOpen(me: Actor, territory: Territory, listing: Listing): Promise<boolean> {
    if (listing.authorId === me.accountId || listing.status !== 'published') return false
    const category = await findCategory(this.#db, territory.id, listing.categoryId)
    if (!category?.needsVerifiedVolunteer) return true
    return isVerifiedVolunteer(this.#db, territory.id, me.accountId, this.services.clock.now())
  }

  /** The refusal of a state that is not open, in the words of the listing page. */
  #refuse(state: RespondState, territory: Territory): MatchRefusal | null {
    if (state.kind === 'own') return new MatchRefusal(403, 'match.refused.own')
    if (state.kind === 'already') return new MatchRefusal(409, 'match.refused.already', {}, state.matchId)
    if (state.kind === 'closed') return new MatchRefusal(409, 'match.refused.closed')
    if (state.kind === 'blocked') return new MatchRefusal(403, 'match.refused.blocked')
    if (state.kind === 'volunteer')
      return new MatchRefusal(403, 'match.refused.volunteer', {
        department: territory.officialName,
        email: territory.contactEmail,
      })
    return null
  }

  /** What the listing page shows about matches: the response form or why not, the author's responses, thanks. */
  async onListing(actor: Actor | null, territory: Territory, listing: Listing) {
    const thanks = await publicThanks(this.#db, territory.id, listing.id)
    const respond = await this.state(actor, territory, listing)
    if (respond.kind !== 'own') return { respond, thanks, responses: null, authorHasPhone: false }
    const [rows, author] = await Promise.all([
      responsesTo(this.#db, territory.id, listing.id),
      accountCard(this.#db, listing.authorId),
    ])
    const responses = rows.map((r) => ({
      id: r.match.id,
      responderName: r.responderName,
      message: r.message,
      createdAt: r.match.createdAt,
      status: r.match.status,
      // The line's agents decide on a relayed ask's responses from its case, for the person.
      actions: actionsFor(r.match, 'author').filter(
        (a) => !(listing.relayed && (a === 'accept' || a === 'decline')),
      ),
    }))
    return { respond, thanks, responses, authorHasPhone: Boolean(author?.phone) }
  }

  /**
   * « Je peux aider » / « Ça m’intéresse »: the response and its first message are written with
   * the author's notification, or nothing is. The row is built here: a status, author or territory
   * in the body is never read.
   */
  async respond(
    actor: Actor | null,
    territory: Territory,
    listingId: string,
    input: RespondInput,
  ): Promise<MatchResult> {
    const me = verified(actor)
    const listing = await this.#listings.find(me, territory, listingId)
    const { message, shares, issues } = checkResponse(input, await this.#hasPhone(me))
    // A refusal or a mistake reads everything, so the first reason that applies is the one given.
    if (issues.length > 0 || !(await this.#likelyOpen(me, territory, listing))) {
      const refusal = this.#refuse(await this.state(me, territory, listing, { fresh: true }), territory)
      if (refusal) throw refusal
      if (issues.length > 0) return { kind: 'invalid', issues }
    }
    const now = this.services.clock.now()
    const match: MatchRow = {
      id: this.services.ids(),
      territoryId: territory.id,
      listingId: listing.id,
      authorId: listing.authorId,
      responderId: me.accountId,
      status: 'pending',
      authorShares: [],
      responderShares: shares,
      reason: null,
      endedBy: null,
      doneMarkedBy: null,
      doneMarkedAt: null,
      thanks: null,
      thanksPublic: false,
      createdAt: now,
      updatedAt: now,
      acceptedAt: null,
      endedAt: null,
      lastActivityAt: now,
      relayName: null,
      relayPhone: null,
      remindedAt: null,
    }
    const first = {
      id: this.services.ids(),
      territoryId: territory.id,
      matchId: match.id,
      senderId: me.accountId,
      body: message,
      createdAt: now,
    }
    let written: boolean
    try {
      written = await this.#db.transaction(async (tx) => {
        if (!(await insertResponse(tx, match, first))) return false
        // Counted with the response, so a refused one costs nothing; past the limit the error
        // takes the response back.
        await this.services.rateLimiter.hit(`match:respond:${me.accountId}`, MATCH_LIMITS.respondPerDay, tx)
        await notifyParty(this.services, tx, {
          territory,
          match,
          accountId: listing.authorId,
          kind: 'match.response',
          me,
          title: listing.title,
        })
        return true
      })
    } catch (error) {
      // Two tabs sending at once: the unique index keeps one, the other hears it already exists.
      if (!isDuplicateResponse(error)) throw error
      const existing = await findResponse(this.#db, territory.id, listing.id, me.accountId)
      throw new MatchRefusal(409, 'match.refused.already', {}, existing?.id)
    }
    // The write refused it: the author blocked the responder (or an answer came meanwhile).
    if (!written)
      throw (
        this.#refuse(await this.state(me, territory, listing, { fresh: true }), territory) ??
        blockedMeanwhile()
      )
    return { kind: 'saved', match }
  }
}
