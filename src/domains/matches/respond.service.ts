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
import { findResponse, insertMatch, isDuplicateResponse } from './match-writes.repository.ts'

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
    const account = await accountCard(this.#db, actor.accountId)
    return { kind: 'open', hasPhone: Boolean(account?.phone) }
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
      actions: actionsFor(r.match, 'author'),
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
    const state = await this.state(me, territory, listing, { fresh: true })
    if (state.kind === 'own') throw new MatchRefusal(403, 'match.refused.own')
    if (state.kind === 'already') throw new MatchRefusal(409, 'match.refused.already', {}, state.matchId)
    if (state.kind === 'closed') throw new MatchRefusal(409, 'match.refused.closed')
    if (state.kind === 'blocked') throw new MatchRefusal(403, 'match.refused.blocked')
    if (state.kind === 'volunteer')
      throw new MatchRefusal(403, 'match.refused.volunteer', {
        department: territory.officialName,
        email: territory.contactEmail,
      })
    const hasPhone = state.kind === 'open' && state.hasPhone
    const { message, shares, issues } = checkResponse(input, hasPhone)
    if (issues.length > 0) return { kind: 'invalid', issues }
    // Counted once the form is right, so a typing mistake costs nothing.
    await this.services.rateLimiter.hit(`match:respond:${me.accountId}`, MATCH_LIMITS.respondPerDay)
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
    try {
      await this.#db.transaction(async (tx) => {
        await insertMatch(tx, match, first)
        await notifyParty(this.services, tx, {
          territory,
          match,
          accountId: listing.authorId,
          kind: 'match.response',
          me,
          title: listing.title,
        })
      })
    } catch (error) {
      // Two tabs sending at once: the unique index keeps one, the other hears it already exists.
      if (!isDuplicateResponse(error)) throw error
      const existing = await findResponse(this.#db, territory.id, listing.id, me.accountId)
      throw new MatchRefusal(409, 'match.refused.already', {}, existing?.id)
    }
    return { kind: 'saved', match }
  }
}
