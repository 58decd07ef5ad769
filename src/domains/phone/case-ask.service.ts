import type { Actor } from '../../platform/auth/actor.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { ListingService } from '../listings/index.ts'
import { acceptForPerson, declineForPerson } from '../matches/index.ts'
import { appendEvent, insertCase, setCaseListing } from './case.repository.ts'
import type { CaseResult } from './case.service.ts'
import { relayNameOf } from './case.ts'
import { findPerson } from './person.repository.ts'
import { smsVolunteerFound } from './person-sms.service.ts'
import { agent, caseOrNotFound, idOrNotFound } from './phone-access.ts'

/**
 * The ask an agent posts for the person and the agents' decisions on the volunteers' responses to
 * it: the listings and the matches do the work, the case keeps its trace in the same transaction.
 */
export class CaseAskService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
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
        await appendEvent(tx, {
          id: this.services.ids(),
          territoryId: territory.id,
          caseId,
          kind: 'ask-posted',
          by: me.accountId,
          at,
        })
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

  /**
   * « Accepter pour Mme X »: the matches accept the response (one acceptance, the listing locked)
   * and keep what the volunteer receives: the person's first name and initial, and the number
   * the person chose, theirs or the line's. Without a line number, only their own can be given.
   */
  async accept(actor: Actor | null, territory: Territory, id: string, matchId: string): Promise<CaseResult> {
    const me = agent(actor)
    const row = await caseOrNotFound(this.#db, territory.id, id)
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
      await appendEvent(tx, {
        id: this.services.ids(),
        territoryId: territory.id,
        caseId: row.case.id,
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
      await smsVolunteerFound(this.services, tx, territory, row.person, row.case.summary)
    })
    return { kind: 'saved' }
  }

  async decline(actor: Actor | null, territory: Territory, id: string, matchId: string): Promise<CaseResult> {
    const me = agent(actor)
    const row = await caseOrNotFound(this.#db, territory.id, id)
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
      await appendEvent(tx, {
        id: this.services.ids(),
        territoryId: territory.id,
        caseId: row.case.id,
        kind: 'declined',
        matchId: match.id,
        by: me.accountId,
        at,
      })
    })
    return { kind: 'saved' }
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
