import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import type { TokenScope } from '../../platform/auth/scopes.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { accountCard, contactDetails } from '../accounts/index.ts'
import { type Listing, listingById, lockListing, markAskFulfilled } from '../listings/index.ts'
import type { NotificationKind } from '../notifications/index.ts'
import { findMatch, findMatchForParty, type MatchRow, otherParty } from './match.repository.ts'
import type { MatchStatus } from './match.schema.ts'
import {
  ACTIVE_STATUSES,
  actionsFor,
  capacityOf,
  checkReason,
  checkShares,
  checkThanks,
  contactsRevealed,
  fromStatuses,
  type MatchAction,
  MatchRefusal,
  type MatchRole,
  presentMatch,
  roleOf,
  type ThanksInput,
} from './match.ts'
import { type MatchResult, notifyParty } from './match-guards.ts'
import { matchesOf } from './match-lists.ts'
import {
  countResponses,
  findResponseMessage,
  type MatchChanges,
  updateMatch,
} from './match-writes.repository.ts'

/** Who may do what: the author decides on a response, the responder withdraws it. */
const ROLE_OF_ACTION: Record<MatchAction, MatchRole | 'both'> = {
  accept: 'author',
  decline: 'author',
  withdraw: 'responder',
  cancel: 'both',
  markDone: 'both',
  confirm: 'author',
}

/** Responding to listings, the author's decision, and closing the loop; access is checked first. */
export class MatchService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** A match the actor is a party of; anyone else, and any other territory, gets 404. */
  async find(actor: Actor | null, territory: Territory, id: string, scope: TokenScope = 'listings:read') {
    const me = signedIn(actor, scope)
    const match = await findMatchForParty(this.#db, territory.id, id, me.accountId)
    if (!match) throw notFound()
    return match
  }

  /** The match as the actor sees it: contacts are loaded only when they may be shown. */
  async present(actor: Actor | null, territory: Territory, match: MatchRow) {
    const me = signedIn(actor, 'listings:read')
    const otherId = otherParty(match, me.accountId)
    // The volunteer of a relayed ask gets the person's name and the number they agreed to share
    // (relay_name, relay_phone), never the account of the agent who typed the ask.
    const relayedToMe = match.relayName !== null && match.responderId === me.accountId
    const [listing, other, response, contacts] = await Promise.all([
      listingById(this.#db, territory.id, match.listingId),
      accountCard(this.#db, otherId),
      findResponseMessage(this.#db, match),
      contactsRevealed(match.status) && !relayedToMe ? contactDetails(this.#db, otherId) : null,
    ])
    if (!listing) throw notFound()
    return presentMatch(match, me.accountId, {
      listing: { id: listing.id, title: listing.title, kind: listing.kind, status: listing.status },
      other: { id: otherId, displayName: other?.displayName ?? '' },
      response,
      otherAccount: contacts,
      relayed: listing.relayed,
      linePhone: territory.helplinePhone,
    })
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
    const { me, match } = await this.#allowed(actor, territory, id, 'accept')
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
      const updated = open ? await this.#update(tx, territory, me, match, 'accept', changes, room) : null
      if (!updated) {
        const current = await findMatch(tx, territory.id, match.id)
        if (!current || current.status !== 'pending') throw this.#conflict('accept', current)
        if (!listing || !open) throw new MatchRefusal(409, 'match.refused.closed')
        throw listing.kind === 'ask'
          ? new MatchRefusal(409, 'match.refused.askTaken')
          : new MatchRefusal(409, 'match.refused.capacity', { max })
      }
      return this.#notify(tx, territory, me, updated, 'match.accepted', listing?.title ?? '')
    })
  }

  async decline(actor: Actor | null, territory: Territory, id: string, reasonInput: string) {
    const { me, match } = await this.#allowed(actor, territory, id, 'decline')
    const issues: Issue[] = []
    const reason = checkReason(reasonInput, false, issues)
    if (issues.length > 0) return { kind: 'invalid', issues } as MatchResult
    const now = this.services.clock.now()
    const changes = { status: 'declined', reason, endedBy: me.accountId, endedAt: now } as const
    return this.#db.transaction((tx) =>
      this.#apply(tx, territory, me, match, 'decline', changes, 'match.declined'),
    )
  }

  async withdraw(actor: Actor | null, territory: Territory, id: string) {
    const { me, match } = await this.#allowed(actor, territory, id, 'withdraw')
    const now = this.services.clock.now()
    const changes = { status: 'withdrawn', endedBy: me.accountId, endedAt: now } as const
    return this.#db.transaction((tx) =>
      this.#apply(tx, territory, me, match, 'withdraw', changes, 'match.withdrawn'),
    )
  }

  async cancel(actor: Actor | null, territory: Territory, id: string, reasonInput: string) {
    const { me, match } = await this.#allowed(actor, territory, id, 'cancel')
    const issues: Issue[] = []
    const reason = checkReason(reasonInput, true, issues)
    if (issues.length > 0) return { kind: 'invalid', issues } as MatchResult
    const now = this.services.clock.now()
    const changes = { status: 'cancelled', reason, endedBy: me.accountId, endedAt: now } as const
    return this.#db.transaction((tx) =>
      this.#apply(tx, territory, me, match, 'cancel', changes, 'match.cancelled'),
    )
  }

  /** « Aide réalisée »: the responder tells the author; the author saying it is the confirmation. */
  async markDone(actor: Actor | null, territory: Territory, id: string, thanks: ThanksInput) {
    const me = signedIn(actor, 'listings:write')
    const match = await this.find(me, territory, id, 'listings:write')
    if (roleOf(match, me.accountId) === 'author') return this.confirm(me, territory, id, thanks)
    await this.#allowed(me, territory, id, 'markDone')
    const now = this.services.clock.now()
    const changes = { doneMarkedBy: me.accountId, doneMarkedAt: now }
    return this.#db.transaction((tx) =>
      this.#apply(tx, territory, me, match, 'markDone', changes, 'match.doneMarked'),
    )
  }

  /**
   * The author confirms the help was given, with an optional thank-you note. For an ask the
   * listing is fulfilled in the same transaction; an offer goes on helping others.
   */
  async confirm(actor: Actor | null, territory: Territory, id: string, input: ThanksInput) {
    const { me, match } = await this.#allowed(actor, territory, id, 'confirm')
    const issues: Issue[] = []
    const { thanks, thanksPublic } = checkThanks(input, issues)
    if (issues.length > 0) return { kind: 'invalid', issues } as MatchResult
    const now = this.services.clock.now()
    const changes = {
      status: 'done',
      doneMarkedBy: match.doneMarkedBy ?? me.accountId,
      doneMarkedAt: match.doneMarkedAt ?? now,
      thanks,
      thanksPublic,
      endedAt: now,
    } as const
    return this.#db.transaction(async (tx) => {
      const kind = thanks ? 'match.thanked' : 'match.confirmed'
      const result = await this.#apply(tx, territory, me, match, 'confirm', changes, kind)
      await markAskFulfilled(tx, territory.id, match.listingId, now)
      return result
    })
  }

  /** The match, if the actor is a party, has the role the action needs, and the status it starts from. */
  async #allowed(actor: Actor | null, territory: Territory, id: string, action: MatchAction) {
    const me = signedIn(actor, 'listings:write')
    const match = await this.find(me, territory, id, 'listings:write')
    const needed = ROLE_OF_ACTION[action]
    if (needed !== 'both' && roleOf(match, me.accountId) !== needed)
      throw new MatchRefusal(
        403,
        needed === 'author' ? 'match.refused.authorOnly' : 'match.refused.responderOnly',
      )
    if (!actionsFor(match, roleOf(match, me.accountId)).includes(action)) throw this.#conflict(action, match)
    return { me, match }
  }

  #conflict(action: MatchAction, current: MatchRow | null) {
    if (action === 'accept' && current?.status === 'accepted')
      return new MatchRefusal(409, 'match.refused.alreadyAccepted')
    if (action === 'markDone' && current?.status === 'accepted')
      return new MatchRefusal(409, 'match.refused.alreadyMarked')
    return new MatchRefusal(409, 'match.refused.status')
  }

  /** The change, guarded by the statuses it starts from, and the other party's notification, in `tx`. */
  async #apply(
    tx: DbOrTx,
    territory: Territory,
    me: Actor,
    match: MatchRow,
    action: MatchAction,
    changes: MatchChanges,
    kind: NotificationKind,
  ): Promise<MatchResult> {
    const updated = await this.#update(tx, territory, me, match, action, changes)
    if (!updated) throw this.#conflict(action, await findMatch(tx, territory.id, match.id))
    const listing = await listingById(tx, territory.id, match.listingId)
    // Rolled back with the whole transaction: the line's agents decline for the person instead.
    if (listing?.relayed && action === 'decline') throw new MatchRefusal(409, 'match.refused.relayed')
    return this.#notify(tx, territory, me, updated, kind, listing?.title ?? '')
  }

  /** The change if the match is still in a status the action starts from (and, if given, the listing has room). */
  #update(
    tx: DbOrTx,
    territory: Territory,
    me: Actor,
    match: MatchRow,
    action: MatchAction,
    changes: MatchChanges,
    room?: { statuses: readonly MatchStatus[]; max: number },
  ) {
    const now = this.services.clock.now()
    const where = {
      territoryId: territory.id,
      id: match.id,
      statuses: fromStatuses[action],
      partyId: me.accountId,
      ...(room ? { room } : {}),
    }
    return updateMatch(tx, where, { ...changes, updatedAt: now, lastActivityAt: now })
  }

  async #notify(
    tx: DbOrTx,
    territory: Territory,
    me: Actor,
    updated: MatchRow,
    kind: NotificationKind,
    title: string,
  ): Promise<MatchResult> {
    await notifyParty(this.services, tx, {
      territory,
      match: updated,
      accountId: otherParty(updated, me.accountId),
      kind,
      me,
      title,
    })
    return { kind: 'saved', match: updated }
  }
}
