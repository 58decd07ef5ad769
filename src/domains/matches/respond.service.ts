import type { Actor } from '../../platform/auth/actor.ts'
import { verified } from '../../platform/auth/guards.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCard } from '../accounts/index.ts'
import { type Listing, ListingService } from '../listings/index.ts'
import { actionsFor, type RespondInput } from './match.ts'
import type { MatchResult } from './match-guards.ts'
import { publicThanks, responsesTo } from './match-lists.ts'
import { type RespondState, respondInTransaction, responseState } from './respond-rules.ts'

export type { RespondState } from './respond-rules.ts'

/** Answering a listing (« Je peux aider », « Ça m’intéresse »), and what the listing page says of it. */
export class RespondService {
  readonly #listings: ListingService
  constructor(private readonly services: AppServices) {
    this.#listings = new ListingService(services)
  }

  get #db() {
    return this.services.database.db
  }

  /** Whether the actor may answer this listing, and if not, why (see responseState). */
  state(
    actor: Actor | null,
    territory: Territory,
    listing: Listing,
    options: { fresh?: boolean } = {},
  ): Promise<RespondState> {
    return responseState(this.services, this.#db, actor, territory, listing, options)
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
   * the author's notification, or nothing is (respondInTransaction holds the rules).
   */
  async respond(
    actor: Actor | null,
    territory: Territory,
    listingId: string,
    input: RespondInput,
  ): Promise<MatchResult> {
    const me = verified(actor)
    const listing = await this.#listings.find(me, territory, listingId)
    return this.#db.transaction((tx) =>
      respondInTransaction(this.services, tx, me, territory, listing, input),
    )
  }
}
