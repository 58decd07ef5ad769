import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import type { TokenScope } from '../../platform/auth/scopes.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { accountCard, contactDetails, parisMonth } from '../accounts/index.ts'
import { type Listing, listingById, listingsByIds, lockListing } from '../listings/index.ts'
import { isVerifiedVolunteer } from '../volunteers/index.ts'
import { findMatch, type MatchRow, otherParty } from './match.repository.ts'
import {
  ACTIVE_STATUSES,
  capacityOf,
  checkReason,
  checkShares,
  contactsRevealed,
  MatchRefusal,
  presentMatch,
  roleOf,
} from './match.ts'
import { confirmedMatchesOf } from './match-figures.repository.ts'
import {
  allowedAction,
  applyAction,
  guardedUpdate,
  type MatchResult,
  notifyOther,
  partyMatch,
  refusalFor,
} from './match-guards.ts'
import { matchesOf } from './match-lists.ts'
import { helperOf } from './match-stats.ts'
import { countResponses, findResponseMessage } from './match-writes.repository.ts'

/**
 * Reading matches, and the response's course until help is under way: the author's decision, the
 * responder withdrawing, either cancelling. Closing the loop, which fulfils the ask, lives in
 * match-closing.service.ts.
 */
export class MatchService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** A match the actor is a party of; anyone else, and any other territory, gets 404. */
  async find(actor: Actor | null, territory: Territory, id: string, scope: TokenScope = 'listings:read') {
    return partyMatch(this.services, signedIn(actor, scope), territory, id)
  }

  /** The match as the actor sees it: contacts are loaded only when they may be shown. */
  async present(actor: Actor | null, territory: Territory, match: MatchRow) {
    const me = signedIn(actor, 'listings:read')
    const otherId = otherParty(match, me.accountId)
    // The volunteer of a relayed ask gets the person's name and the number they agreed to share
    // (relay_name, relay_phone), never the account of the agent who typed the ask.
    const relayedToMe = match.relayName !== null && match.responderId === me.accountId
    const deciding = match.authorId === me.accountId
    const [listing, other, response, contacts, helper] = await Promise.all([
      listingById(this.#db, territory.id, match.listingId),
      accountCard(this.#db, otherId),
      findResponseMessage(this.#db, match),
      contactsRevealed(match.status) && !relayedToMe ? contactDetails(this.#db, otherId) : null,
      deciding ? this.#helperFacts(territory, otherId) : null,
    ])
    if (!listing) throw notFound()
    return presentMatch(match, me.accountId, {
      listing: { id: listing.id, title: listing.title, kind: listing.kind, status: listing.status },
      other: { id: otherId, displayName: other?.displayName ?? '' },
      response,
      otherAccount: contacts,
      relayed: listing.relayed,
      linePhone: territory.helplinePhone,
      ...(helper && other ? { helper: { ...helper, memberSince: parisMonth(other.createdAt) } } : {}),
    })
  }

  /**
   * What the author deciding on a response may know of the one who responded, from what the
   * platform holds already: how many times they helped (help confirmed by the one helped) and
   * whether staff verified them as a volunteer.
   */
  async #helperFacts(territory: Territory, accountId: string) {
    const [confirmed, verified] = await Promise.all([
      confirmedMatchesOf(this.#db, territory.id, accountId),
      isVerifiedVolunteer(this.#db, territory.id, accountId, this.services.clock.now()),
    ])
    const listings = await listingsByIds(
      this.#db,
      territory.id,
      confirmed.map((m) => m.listingId),
    )
    const helped = confirmed.filter((m) => {
      const listing = listings.get(m.listingId)
      return listing !== undefined && helperOf(m, listing) === accountId
    }).length
    return { helped, verified }
  }

  /** « Mes mises en relation », as author and as responder, newest activity first. */
  async mine(actor: Actor | null, territory: Territory) {
    const me = signedIn(actor, 'listings:read')
    const rows = await matchesOf(this.#db, territory.id, me.accountId)
    return rows.map((r) => {
      const role = roleOf(r.match, me.accountId)
      return {
        id: r.match.id,
        listing: { id: r.match.listingId, title: r.listingTitle, kind: r.listingKind },
        role,
        status: r.match.status,
        otherParty: {
          id: otherParty(r.match, me.accountId),
          displayName: role === 'author' ? r.responderName : r.authorName,
        },
        lastActivityAt: r.match.lastActivityAt.toISOString(),
        unread: r.unread,
      }
    })
  }

  /** Whether the actor has a phone number they could share (the accept form offers it only then). */
  async hasPhone(actor: Actor | null): Promise<boolean> {
    const me = signedIn(actor, 'listings:read')
    return Boolean((await accountCard(this.#db, me.accountId))?.phone)
  }

  /** The number of responses to each of the author's listings (for « mes annonces »). */
  responseCounts(actor: Actor | null, territory: Territory, listings: Listing[]) {
    const me = signedIn(actor, 'listings:read')
    const own = listings.filter((l) => l.authorId === me.accountId).map((l) => l.id)
    return countResponses(this.#db, territory.id, own)
  }

  /**
   * Accepting is one transaction that locks the listing: its status and capacity are read by one
   * acceptance at a time, and the UPDATE still requires 'pending' and room left on the listing, so
   * two clicks make one. When the UPDATE changes nothing, the match is read again to say why.
   */
  async accept(actor: Actor | null, territory: Territory, id: string, sharesInput: readonly string[]) {
    const { me, match } = await allowedAction(this.services, actor, territory, id, 'accept')
    const hasPhone = me.hasPhone ?? Boolean((await accountCard(this.#db, me.accountId))?.phone)
    const issues: Issue[] = []
    const shares = checkShares(sharesInput, hasPhone, 'shares', issues)
    if (issues.length > 0) return { kind: 'invalid', issues } as MatchResult
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const listing = await lockListing(tx, territory.id, match.listingId)
      // An ask the phone line posted is decided by its agents, for the person (acceptForPerson).
      if (listing?.relayed) throw new MatchRefusal(409, 'match.refused.relayed')
      const max = listing ? capacityOf(listing.kind, listing.capacity) : 0
      const open = listing?.status === 'published'
      const changes = { status: 'accepted', authorShares: shares, acceptedAt: now } as const
      const room = { statuses: ACTIVE_STATUSES, max }
      const updated = open
        ? await guardedUpdate(this.services, tx, territory, me, match, 'accept', changes, room)
        : null
      if (!updated) {
        const current = await findMatch(tx, territory.id, match.id)
        if (!current || current.status !== 'pending') throw refusalFor('accept', current)
        if (!listing || !open) throw new MatchRefusal(409, 'match.refused.closed')
        throw listing.kind === 'ask'
          ? new MatchRefusal(409, 'match.refused.askTaken')
          : new MatchRefusal(409, 'match.refused.capacity', { max })
      }
      return notifyOther(this.services, tx, territory, me, updated, 'match.accepted', listing?.title ?? '')
    })
  }

  async decline(actor: Actor | null, territory: Territory, id: string, reasonInput: string) {
    const { me, match } = await allowedAction(this.services, actor, territory, id, 'decline')
    const issues: Issue[] = []
    const reason = checkReason(reasonInput, false, issues)
    if (issues.length > 0) return { kind: 'invalid', issues } as MatchResult
    const now = this.services.clock.now()
    const changes = { status: 'declined', reason, endedBy: me.accountId, endedAt: now } as const
    return this.#db.transaction((tx) =>
      applyAction(this.services, tx, territory, me, match, 'decline', changes, 'match.declined'),
    )
  }

  async withdraw(actor: Actor | null, territory: Territory, id: string) {
    const { me, match } = await allowedAction(this.services, actor, territory, id, 'withdraw')
    const now = this.services.clock.now()
    const changes = { status: 'withdrawn', endedBy: me.accountId, endedAt: now } as const
    return this.#db.transaction((tx) =>
      applyAction(this.services, tx, territory, me, match, 'withdraw', changes, 'match.withdrawn'),
    )
  }

  async cancel(actor: Actor | null, territory: Territory, id: string, reasonInput: string) {
    const { me, match } = await allowedAction(this.services, actor, territory, id, 'cancel')
    const issues: Issue[] = []
    const reason = checkReason(reasonInput, true, issues)
    if (issues.length > 0) return { kind: 'invalid', issues } as MatchResult
    const now = this.services.clock.now()
    const changes = { status: 'cancelled', reason, endedBy: me.accountId, endedAt: now } as const
    return this.#db.transaction((tx) =>
      applyAction(this.services, tx, territory, me, match, 'cancel', changes, 'match.cancelled'),
    )
  }
}
