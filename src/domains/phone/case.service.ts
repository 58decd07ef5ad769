import type { Actor } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { accountCards } from '../accounts/index.ts'
import { ListingService, listingById } from '../listings/index.ts'
import { acceptForPerson, declineForPerson, relayedResponses } from '../matches/index.ts'
import {
  caseEvents,
  caseOfListing,
  closeCaseRow,
  findCase,
  insertCase,
  insertEvent,
  type NewEvent,
  reopenCaseRow,
  setCaseListing,
  touchCase,
} from './case.repository.ts'
import { checkCall, checkClosing, checkNote, relayNameOf, type ViewReason } from './case.ts'
import { findPerson } from './person.repository.ts'
import { agent, idOrNotFound } from './phone-access.ts'

/** What the case page shows, as `page` reads it. */
export type CaseView = Awaited<ReturnType<CaseService['page']>>

export type CaseResult = { kind: 'saved' } | { kind: 'invalid'; issues: Issue[]; choices?: Commune[] }

/** A case from the call to its outcome: the ask posted, the responses decided, the calls and notes. */
export class CaseService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  async #case(territory: Territory, id: string, db: DbOrTx = this.#db) {
    const row = await findCase(db, territory.id, idOrNotFound(id))
    if (!row) throw new HttpError(404)
    return row
  }

  /**
   * The case page: the person's contacts (audited, with the reason), the ask, its responses with
   * the volunteers' words, and the timeline with who did what.
   */
  async page(actor: Actor | null, territory: Territory, id: string, reason: ViewReason) {
    const me = agent(actor)
    const row = await this.#case(territory, id)
    await this.services.audit.record({
      territoryId: territory.id,
      actorId: me.accountId,
      action: 'phone.person-viewed',
      targetId: row.person.id,
      details: { reason, via: 'case' },
    })
    const [events, listing, responses, commune] = await Promise.all([
      caseEvents(this.#db, territory.id, row.case.id),
      row.case.listingId ? listingById(this.#db, territory.id, row.case.listingId) : null,
      row.case.listingId ? relayedResponses(this.services, me, territory, row.case.listingId) : [],
      this.services.communes.find(territory, row.person.communeInsee),
    ])
    const agents = await accountCards(
      this.#db,
      events.flatMap((e) => (e.by ? [e.by] : [])),
    )
    return {
      ...row,
      communeName: commune?.name ?? row.person.communeInsee,
      listing,
      responses,
      events: events.map((e) => ({ ...e, byName: e.by ? (agents.get(e.by)?.displayName ?? null) : null })),
    }
  }

  /** The case that follows a relayed ask (the listing page's link for agents), or 404. */
  async ofListing(actor: Actor | null, territory: Territory, listingId: string): Promise<string> {
    agent(actor)
    const id = await caseOfListing(this.#db, territory.id, idOrNotFound(listingId))
    if (!id) throw new HttpError(404)
    return id
  }

  /**
   * « Nouvelle demande »: the case (origin call) and the ask posted for the person, in one
   * transaction; the ask is the listings' own, authored by the agent and marked relayed.
   */
  async openAsk(
    actor: Actor | null,
    territory: Territory,
    personId: string,
    input: { categoryId: string; title: string; description: string; urgency: string; commune: string },
  ): Promise<CaseResult & { caseId?: string }> {
    const me = agent(actor)
    const person = await findPerson(this.#db, territory.id, idOrNotFound(personId))
    if (!person) throw new HttpError(404)
    const at = this.services.clock.now()
    const listings = new ListingService(this.services)
    const caseId = this.services.ids()
    try {
      return await this.#db.transaction(async (tx) => {
        const posted = await listings.createRelayed(
          me,
          territory,
          {
            categoryId: input.categoryId,
            title: input.title,
            description: input.description,
            urgency: input.urgency,
            commune: input.commune.trim() === '' ? { insee: person.communeInsee } : { text: input.commune },
            onBehalfName: person.firstName,
          },
          tx,
        )
        if (posted.kind === 'invalid') throw new Invalid(posted.issues, posted.choices)
        await insertCase(tx, {
          id: caseId,
          eventId: this.services.ids(),
          territoryId: territory.id,
          personId: person.id,
          origin: 'call',
          summary: posted.listing.title,
          by: me.accountId,
          at,
        })
        await setCaseListing(tx, caseId, posted.listing.id, at)
        await this.#event(tx, territory, caseId, { kind: 'ask-posted', by: me.accountId, at })
        await this.services.audit.record(
          { territoryId: territory.id, actorId: me.accountId, action: 'phone.case-opened', targetId: caseId },
          tx,
        )
        return { kind: 'saved' as const, caseId }
      })
    } catch (error) {
      if (error instanceof Invalid) return { kind: 'invalid', issues: error.issues, choices: error.choices }
      throw error
    }
  }

  async logCall(actor: Actor | null, territory: Territory, id: string, input: Record<string, unknown>) {
    const me = agent(actor)
    const row = await this.#case(territory, id)
    const call = checkCall({ direction: input.direction, result: input.result, note: input.note })
    if (call.issues.length > 0) return { kind: 'invalid', issues: call.issues } as CaseResult
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      await this.#event(tx, territory, row.case.id, {
        kind: call.direction === 'in' ? 'call-in' : 'call-out',
        callResult: call.result,
        note: call.note,
        by: me.accountId,
        at,
      })
    })
    return { kind: 'saved' } as CaseResult
  }

  async addNote(actor: Actor | null, territory: Territory, id: string, noteInput: unknown) {
    const me = agent(actor)
    const row = await this.#case(territory, id)
    const issues: Issue[] = []
    const note = checkNote(noteInput, true, issues, 'noteText')
    if (issues.length > 0) return { kind: 'invalid', issues } as CaseResult
    const at = this.services.clock.now()
    await this.#db.transaction((tx) =>
      this.#event(tx, territory, row.case.id, { kind: 'note', note, by: me.accountId, at }),
    )
    return { kind: 'saved' } as CaseResult
  }

  /**
   * « Accepter pour Mme X »: the matches accept the response (one acceptance, the listing locked)
   * and keep what the volunteer receives: the person's first name and initial, and the number
   * the person chose, theirs or the line's. Without a line number, only their own can be given.
   */
  async accept(actor: Actor | null, territory: Territory, id: string, matchId: string): Promise<CaseResult> {
    const me = agent(actor)
    const row = await this.#case(territory, id)
    if (row.case.status !== 'open' || !row.case.listingId) throw new HttpError(409, 'case-closed')
    const relayPhone = row.person.sharedContact === 'line' ? territory.helplinePhone : row.person.phone
    if (!relayPhone)
      return { kind: 'invalid', issues: [{ field: 'decision', key: 'phone.error.noLineNumber' }] }
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      const match = await acceptForPerson(
        this.services,
        me,
        territory,
        idOrNotFound(matchId),
        { relayName: relayNameOf(row.person), relayPhone },
        tx,
      )
      if (match.listingId !== row.case.listingId) throw new HttpError(404)
      await this.#event(tx, territory, row.case.id, {
        kind: 'accepted',
        matchId: match.id,
        by: me.accountId,
        at,
      })
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'phone.accepted-for-person',
          targetId: row.case.id,
          details: { matchId: match.id, shared: row.person.sharedContact },
        },
        tx,
      )
    })
    return { kind: 'saved' }
  }

  async decline(actor: Actor | null, territory: Territory, id: string, matchId: string): Promise<CaseResult> {
    const me = agent(actor)
    const row = await this.#case(territory, id)
    if (row.case.status !== 'open' || !row.case.listingId) throw new HttpError(409, 'case-closed')
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      const match = await declineForPerson(
        this.services,
        me,
        territory,
        idOrNotFound(matchId),
        relayNameOf(row.person),
        tx,
      )
      if (match.listingId !== row.case.listingId) throw new HttpError(404)
      await this.#event(tx, territory, row.case.id, {
        kind: 'declined',
        matchId: match.id,
        by: me.accountId,
        at,
      })
    })
    return { kind: 'saved' }
  }

  async close(
    actor: Actor | null,
    territory: Territory,
    id: string,
    input: { outcome: unknown; note: unknown },
  ) {
    const me = agent(actor)
    const row = await this.#case(territory, id)
    const closing = checkClosing(input)
    if (closing.issues.length > 0) return { kind: 'invalid', issues: closing.issues } as CaseResult
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      const closed = await closeCaseRow(tx, territory.id, row.case.id, {
        outcome: closing.outcome,
        by: me.accountId,
        at,
      })
      if (!closed) throw new HttpError(409, 'case-closed')
      await insertEvent(tx, {
        id: this.services.ids(),
        territoryId: territory.id,
        caseId: row.case.id,
        kind: 'closed',
        note: closing.note,
        by: me.accountId,
        at,
      })
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'phone.case-closed',
          targetId: row.case.id,
          details: { outcome: closing.outcome },
        },
        tx,
      )
    })
    return { kind: 'saved' } as CaseResult
  }

  async reopen(actor: Actor | null, territory: Territory, id: string) {
    const me = agent(actor)
    const row = await this.#case(territory, id)
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      if (!(await reopenCaseRow(tx, territory.id, row.case.id, at))) throw new HttpError(409, 'case-open')
      await insertEvent(tx, {
        id: this.services.ids(),
        territoryId: territory.id,
        caseId: row.case.id,
        kind: 'reopened',
        by: me.accountId,
        at,
      })
    })
  }

  /** One more line of the timeline, and the case's last activity moved to it. */
  async #event(
    tx: DbOrTx,
    territory: Territory,
    caseId: string,
    e: Omit<NewEvent, 'id' | 'territoryId' | 'caseId'>,
  ) {
    await insertEvent(tx, { ...e, id: this.services.ids(), territoryId: territory.id, caseId })
    await touchCase(tx, caseId, e.at)
  }
}

/** Thrown inside the transaction so that the case is not written when the ask is refused. */
class Invalid extends Error {
  constructor(
    readonly issues: Issue[],
    readonly choices: Commune[],
  ) {
    super('invalid ask')
  }
}
