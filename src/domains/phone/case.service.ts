import type { Actor } from '../../platform/auth/actor.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { HttpError } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { accountCards } from '../accounts/index.ts'
import { listingById } from '../listings/index.ts'
import { relayedResponses } from '../matches/index.ts'
import {
  appendEvent,
  caseEvents,
  caseOfListing,
  closeCaseRow,
  insertEvent,
  reopenCaseRow,
} from './case.repository.ts'
import { checkCall, checkClosing, checkNote, type ViewReason } from './case.ts'
import { agent, caseOrNotFound, idOrNotFound } from './phone-access.ts'

/** What the case page shows, as `page` reads it. */
export type CaseView = Awaited<ReturnType<CaseService['page']>>

export type CaseResult = { kind: 'saved' } | { kind: 'invalid'; issues: Issue[]; choices?: Commune[] }

/**
 * A case as the agents read and follow it: its page, the calls and notes of its timeline, its
 * closing and reopening. The ask and the decisions on its responses act through listings and
 * matches, so they live apart in case-ask.service.ts.
 */
export class CaseService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /**
   * The case page: the person's contacts (audited, with the reason), the ask, its responses with
   * the volunteers' words, and the timeline with who did what.
   */
  async page(actor: Actor | null, territory: Territory, id: string, reason: ViewReason) {
    const me = agent(actor)
    const row = await caseOrNotFound(this.#db, territory.id, id)
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

  async logCall(actor: Actor | null, territory: Territory, id: string, input: Record<string, unknown>) {
    const me = agent(actor)
    const row = await caseOrNotFound(this.#db, territory.id, id)
    const call = checkCall({ direction: input.direction, result: input.result, note: input.note })
    if (call.issues.length > 0) return { kind: 'invalid', issues: call.issues } as CaseResult
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      await appendEvent(tx, {
        id: this.services.ids(),
        territoryId: territory.id,
        caseId: row.case.id,
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
    const row = await caseOrNotFound(this.#db, territory.id, id)
    const issues: Issue[] = []
    const note = checkNote(noteInput, true, issues, 'noteText')
    if (issues.length > 0) return { kind: 'invalid', issues } as CaseResult
    const at = this.services.clock.now()
    await this.#db.transaction((tx) =>
      appendEvent(tx, {
        id: this.services.ids(),
        territoryId: territory.id,
        caseId: row.case.id,
        kind: 'note',
        note,
        by: me.accountId,
        at,
      }),
    )
    return { kind: 'saved' } as CaseResult
  }

  async close(
    actor: Actor | null,
    territory: Territory,
    id: string,
    input: { outcome: unknown; note: unknown },
  ) {
    const me = agent(actor)
    const row = await caseOrNotFound(this.#db, territory.id, id)
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
    const row = await caseOrNotFound(this.#db, territory.id, id)
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
}
