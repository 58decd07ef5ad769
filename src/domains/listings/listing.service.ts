import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn, verified } from '../../platform/auth/guards.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised, type Territory } from '../../platform/tenancy/territory.ts'
import { accountCard, CHARTER_VERSION, parisMonth, personColumns } from '../accounts/index.ts'
import { notifyPublished } from './alerts.jobs.ts'
import {
  findListing,
  findListingPage,
  insertListing,
  type ListingChanges,
  listByAuthor,
  updateListing,
} from './listing.repository.ts'
import {
  type AuthorAction,
  authorActions,
  expiryFrom,
  isVisibleTo,
  LISTING_LIMITS,
  type Listing,
  type ListingInput,
  presentListing,
  UUID,
} from './listing.ts'
import { type CommuneInput, checkAgainstTerritory, newListing, type SaveResult } from './listing-check.ts'
import { queueListing, reasonsAfterEdit, reviewPolicyHolds, unqueueListing } from './listing-review.ts'
import { createRelayedAsk, type RelayedAsk } from './relayed-ask.service.ts'

/** Posting, editing and the lifecycle of asks and offers; every use case checks access first. */
export class ListingService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** A listing the actor may read, or 404: held and removed ones do not exist for others. */
  async find(actor: Actor | null, territory: Territory, id: string): Promise<Listing> {
    const listing = UUID.test(id) ? await findListing(this.#db, territory.id, id) : null
    const viewer = actor && { accountId: actor.accountId, moderator: can(actor, 'listing:moderate') }
    if (!listing || !isVisibleTo(listing, viewer)) throw notFound()
    return listing
  }

  /**
   * The listing page: the listing the actor may read (or 404) and how they see it, in one
   * statement; its category and commune come from memory.
   */
  async page(actor: Actor | null, territory: Territory, id: string, locale: Locale) {
    const row = UUID.test(id)
      ? await findListingPage(this.#db, territory.id, id, {
          author: personColumns,
          viewerCommune: actor ? personColumns(actor.accountId).communeInsee : null,
        })
      : null
    const viewer = actor && { accountId: actor.accountId, moderator: can(actor, 'listing:moderate') }
    if (!row || !isVisibleTo(row.listing, viewer)) throw notFound()
    const { listing } = row
    const author =
      row.authorName === null ? null : { displayName: row.authorName, createdAt: row.authorSince! }
    const viewerCommune = actor && actor.accountId !== listing.authorId ? (row.viewerCommune ?? null) : null
    const view = await this.present(actor, territory, listing, locale, { author, viewerCommune })
    return { listing, view }
  }

  /**
   * The listing as this viewer sees it, with its category, commune, author and distance; `people`
   * when the caller already read the author and the viewer's commune.
   */
  async present(
    actor: Actor | null,
    territory: Territory,
    listing: Listing,
    locale: Locale,
    people?: { author: { displayName: string; createdAt: Date } | null; viewerCommune: string | null },
  ) {
    const { communes, categoryCache } = this.services
    const [category, commune, author, viewerCommune] = await Promise.all([
      categoryCache.find(territory.id, listing.categoryId),
      communes.find(territory, listing.communeInsee),
      people ? people.author : accountCard(this.#db, listing.authorId),
      people
        ? people.viewerCommune
        : actor && actor.accountId !== listing.authorId
          ? accountCard(this.#db, actor.accountId).then((card) => card?.communeInsee ?? null)
          : null,
    ])
    const distance = viewerCommune
      ? await communes.distanceKm(territory, viewerCommune, listing.communeInsee)
      : null
    const viewer = actor && { accountId: actor.accountId, moderator: can(actor, 'listing:moderate') }
    return presentListing(listing, viewer, {
      category: {
        id: listing.categoryId,
        name: category ? localised(category.name, locale) : '',
        guidance: category ? localised(category.guidance, locale) : '',
      },
      commune: { insee: listing.communeInsee, name: commune?.name ?? listing.communeInsee },
      author: {
        displayName: author?.displayName ?? '',
        memberSince: author ? parisMonth(author.createdAt) : '',
      },
      distanceKm: distance === null ? null : Math.round(distance * 10) / 10,
    })
  }

  /**
   * Posts an ask or an offer; wording about money, or the territory's review before publication,
   * holds it for a moderator, and the hold and its place in the queue are written together.
   * `within` runs in the same transaction (the ask's draft is deleted with its publication).
   */
  async create(
    actor: Actor | null,
    territory: Territory,
    input: ListingInput,
    commune: CommuneInput,
    within?: (tx: DbOrTx) => Promise<void>,
  ) {
    const me = verified(actor)
    const checked = await checkAgainstTerritory(this.services, territory, input, commune, this.#db)
    if (checked.issues.length > 0 || !checked.place)
      return { kind: 'invalid', issues: checked.issues, choices: checked.choices } as SaveResult
    // Counted once the form is right, so typing mistakes cost nothing; bounds spam per account.
    await this.services.rateLimiter.hit(`listing:post:${me.accountId}`, LISTING_LIMITS.postPerDay)
    const listing = newListing(this.services, territory, checked, checked.place, {
      authorId: me.accountId,
      relayed: false,
      reviewFirst: await reviewPolicyHolds(this.#db, territory, me, false),
    })
    const held = listing.status === 'held'
    // The alerts of people watching this kind of help are queued with the listing, or not at all.
    await this.#db.transaction(async (tx) => {
      await within?.(tx)
      await insertListing(tx, listing)
      if (held) await queueListing(this.services, tx, listing)
      else await notifyPublished(this.services, listing.id, tx)
    })
    return { kind: 'saved', listing } as SaveResult
  }

  /** Here too so that the phone line reaches every way of posting through this one service. */
  createRelayed(actor: Actor | null, territory: Territory, ask: RelayedAsk, tx: DbOrTx): Promise<SaveResult> {
    return createRelayedAsk(this.services, actor, territory, ask, tx)
  }

  /**
   * Only the author edits; the text is checked again, so an edit can hold a published listing. A
   * held one stays held whatever its new words: the moderator decides, and its queue item follows
   * the new title and reasons.
   */
  async edit(
    actor: Actor | null,
    territory: Territory,
    id: string,
    input: ListingInput,
    commune: CommuneInput,
  ) {
    const me = verified(actor)
    const current = await this.#own(me, territory, id, 'edit')
    const checked = await checkAgainstTerritory(
      this.services,
      territory,
      { ...input, kind: current.kind },
      commune,
      this.#db,
    )
    if (checked.issues.length > 0 || !checked.place)
      return { kind: 'invalid', issues: checked.issues, choices: checked.choices } as SaveResult
    const now = this.services.clock.now()
    const wasHeld = current.status === 'held'
    const holdReasons = wasHeld ? reasonsAfterEdit(current, checked.holdReasons) : checked.holdReasons
    const held = holdReasons.length > 0
    const { kind: _kind, ...fields } = checked.fields
    const changes: ListingChanges = {
      ...fields,
      categoryId: checked.categoryId,
      communeInsee: checked.place.insee,
      latitude: checked.place.latitude,
      longitude: checked.place.longitude,
      charterVersion: CHARTER_VERSION,
      holdReasons,
      updatedAt: now,
      ...(held ? { status: 'held' as const } : {}),
    }
    const saved = await this.#db.transaction(async (tx) => {
      const written = await this.#write(me, current, 'edit', changes, tx)
      if (written.status === 'held') await queueListing(this.services, tx, written)
      return written
    })
    return { kind: 'saved', listing: saved } as SaveResult
  }

  /** The listing its author is about to edit (the form), or 403/404/409 as for the edit itself. */
  ownForEdit(actor: Actor | null, territory: Territory, id: string): Promise<Listing> {
    return this.#own(verified(actor), territory, id, 'edit')
  }

  ownForRenewal(actor: Actor | null, territory: Territory, id: string): Promise<Listing> {
    return this.#own(signedIn(actor, 'listings:write'), territory, id, 'renew')
  }

  /** A held listing its author closes leaves the moderation queue in the same transaction. */
  async close(actor: Actor | null, territory: Territory, id: string) {
    const me = signedIn(actor, 'listings:write')
    const current = await this.#own(me, territory, id, 'close')
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const closed = await this.#write(
        me,
        current,
        'close',
        { status: 'closed', closedAt: now, updatedAt: now },
        tx,
      )
      if (current.status === 'held') await unqueueListing(this.services, tx, closed)
      return closed
    })
  }

  markFulfilled(actor: Actor | null, territory: Territory, id: string) {
    const now = this.services.clock.now()
    return this.#transition(actor, territory, id, 'fulfilled', { status: 'fulfilled', closedAt: now })
  }

  /** Thirty more days from now, and a new reminder before they end. */
  renew(actor: Actor | null, territory: Territory, id: string) {
    const now = this.services.clock.now()
    return this.#transition(actor, territory, id, 'renew', {
      status: 'published',
      expiresAt: expiryFrom(now),
      remindedAt: null,
    })
  }

  /** The author's listings, newest first, in every status. */
  mine(actor: Actor | null, territory: Territory): Promise<Listing[]> {
    const me = signedIn(actor, 'listings:read')
    return listByAuthor(this.#db, territory.id, me.accountId)
  }

  async #transition(
    actor: Actor | null,
    territory: Territory,
    id: string,
    action: AuthorAction,
    changes: ListingChanges,
  ) {
    const me = signedIn(actor, 'listings:write')
    const current = await this.#own(me, territory, id, action)
    return this.#write(me, current, action, { ...changes, updatedAt: this.services.clock.now() })
  }

  /** The listing if the actor wrote it: others get 404 when they may not even read it, else 403. */
  async #own(me: Actor, territory: Territory, id: string, action: AuthorAction): Promise<Listing> {
    const listing = await this.find(me, territory, id)
    if (listing.authorId !== me.accountId) throw new HttpError(403, 'forbidden')
    if (!(authorActions[action] as readonly string[]).includes(listing.status))
      throw new HttpError(409, 'listing-status')
    return listing
  }

  /** The author and status are checked again in the UPDATE itself, against a concurrent change. */
  async #write(
    me: Actor,
    current: Listing,
    action: AuthorAction,
    changes: ListingChanges,
    tx: DbOrTx = this.#db,
  ): Promise<Listing> {
    const where = {
      territoryId: current.territoryId,
      id: current.id,
      authorId: me.accountId,
      statuses: authorActions[action],
    }
    const listing = await updateListing(tx, where, changes)
    if (!listing) throw new HttpError(409, 'listing-status')
    return listing
  }
}
