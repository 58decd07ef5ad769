import { type Actor, can } from '../../platform/auth/actor.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { type AccountCard, accountCards } from '../accounts/index.ts'
import { type Listing, listingById, openListingsCount } from '../listings/index.ts'
import { messagesAround } from '../matches/index.ts'
import { findMission } from '../missions/index.ts'
import { findNeed } from '../needs/index.ts'
import { type OrganisationRef, organisationIn } from '../organisations/index.ts'
import { type ReportTarget, reportsOn } from '../reports/index.ts'
import { earlierDecisions, findItem, type ReviewItemRow } from './queue.repository.ts'
import { AROUND, checkReading, type ReadingReason } from './queue.ts'
import { type SanctionRow, sanctionsOf } from './sanction.repository.ts'

/** The person an item is about, as a moderator needs them to decide: never their address or phone. */
export interface PersonRecord {
  id: string
  displayName: string
  communeName: string
  memberSince: Date
  status: string
  openListings: number
  sanctions: SanctionRow[]
  reports: { reason: string; status: string; createdAt: Date }[]
}

export interface ReadMessage {
  id: string
  senderName: string
  body: string
  createdAt: Date
  hidden: boolean
  reported: boolean
}

/** A held mission or need as its organisation wrote it, and the organisation's name. */
export interface HeldContent {
  kind: 'mission' | 'need'
  id: string
  title: string
  description: string
  status: string
  holdReasons: string[]
  organisationName: string
}

export interface ItemContext {
  listing: Listing | null
  held: HeldContent | null
  organisation: OrganisationRef | null
  person: PersonRecord | null
  history: ReviewItemRow[]
  /** names of the decisions' authors in the history */
  names: Map<string, string>
}

const reportTargets: Partial<Record<ReviewItemRow['subjectKind'], ReportTarget>> = {
  listing: 'listing',
  message: 'message',
  account: 'account',
}

/**
 * What a moderator sees beside an item: the listing with its history, the person with their
 * sanctions and the reports about them, an organisation's state. A reported message's text is
 * never part of it: `readMessage` shows it once the moderator said why, and audits that reading.
 */
export class ContextService {
  constructor(private readonly services: AppServices) {}

  async of(actor: Actor | null, territory: Territory, item: ReviewItemRow): Promise<ItemContext> {
    this.#moderator(actor)
    const { db } = this.services.database
    const [listing, held, organisation, person, history] = await Promise.all([
      item.subjectKind === 'listing' ? listingById(db, territory.id, item.subjectId) : null,
      this.#held(territory, item),
      item.subjectKind === 'organisation' ? organisationIn(db, territory.id, item.subjectId) : null,
      item.accountId ? this.#person(territory, item.accountId) : null,
      earlierDecisions(db, item),
    ])
    const deciders = [...new Set(history.flatMap((h) => (h.decidedBy ? [h.decidedBy] : [])))]
    const cards = await accountCards(db, deciders)
    return {
      listing,
      held,
      organisation,
      person,
      history,
      names: new Map([...cards].map(([id, c]) => [id, c.displayName])),
    }
  }

  /**
   * A reported message and the three before and after it, for a moderator who gave a reason from
   * the list: the reading is audited (`moderation.content-read`, the reason's code) before the
   * text is returned.
   */
  async readMessage(
    actor: Actor | null,
    territory: Territory,
    itemId: string,
    form: { readingReason?: string; readingNote?: string },
  ): Promise<
    | { kind: 'read'; reason: ReadingReason; messages: ReadMessage[]; parties: [string, string] }
    | { kind: 'invalid'; issues: Issue[] }
  > {
    this.#moderator(actor)
    const { db } = this.services.database
    const item = isUuid(itemId) ? await findItem(db, territory.id, itemId) : null
    if (!item || item.subjectKind !== 'message') throw notFound()
    const checked = checkReading(form)
    if (checked.kind === 'invalid') return checked
    const around = await messagesAround(db, territory.id, item.subjectId, AROUND)
    if (!around) throw notFound()
    await this.services.audit.record({
      territoryId: territory.id,
      actorId: actor!.accountId,
      action: 'moderation.content-read',
      targetId: item.id,
      details: { reason: checked.reason, message: item.subjectId, noted: checked.note !== '' },
    })
    const cards = await accountCards(db, [around.authorId, around.responderId])
    const name = (id: string) => cards.get(id)?.displayName ?? ''
    const all = [...around.before, around.message, ...around.after]
    return {
      kind: 'read',
      reason: checked.reason,
      parties: [name(around.authorId), name(around.responderId)],
      messages: all.map((m) => ({
        id: m.id,
        senderName: name(m.senderId),
        body: m.body,
        createdAt: m.createdAt,
        hidden: m.hidden,
        reported: m.id === item.subjectId,
      })),
    }
  }

  async #held(territory: Territory, item: ReviewItemRow): Promise<HeldContent | null> {
    const { db } = this.services.database
    const kind = item.subjectKind
    if (kind !== 'mission' && kind !== 'need') return null
    const row =
      kind === 'mission'
        ? await findMission(db, territory.id, item.subjectId)
        : await findNeed(db, territory.id, item.subjectId)
    if (!row) return null
    const organisation = await organisationIn(db, territory.id, row.organisationId)
    return {
      kind,
      id: row.id,
      title: row.title,
      description: row.description,
      status: row.status,
      holdReasons: row.holdReasons,
      organisationName: organisation?.name ?? '',
    }
  }

  async #person(territory: Territory, accountId: string): Promise<PersonRecord | null> {
    const { db } = this.services.database
    const card: AccountCard | undefined = (await accountCards(db, [accountId])).get(accountId)
    if (!card) return null
    const [commune, openListings, sanctions, reports] = await Promise.all([
      this.services.communes.find(territory, card.communeInsee),
      openListingsCount(db, territory.id, accountId),
      sanctionsOf(db, territory.id, accountId),
      reportsOn(db, { territoryId: territory.id, targetKind: 'account', targetId: accountId }),
    ])
    return {
      id: card.id,
      displayName: card.displayName,
      communeName: commune?.name ?? card.communeInsee,
      memberSince: card.createdAt,
      status: card.status,
      openListings,
      sanctions,
      reports,
    }
  }

  /** Reports on the item's own subject (a listing, a message), reasons and dates only. */
  reportsOnSubject(territory: Territory, item: ReviewItemRow) {
    const target = reportTargets[item.subjectKind]
    if (!target || item.subjectKind === 'account') return Promise.resolve([])
    return reportsOn(this.services.database.db, {
      territoryId: territory.id,
      targetKind: target,
      targetId: item.subjectId,
    })
  }

  #moderator(actor: Actor | null) {
    if (!can(actor, 'moderation:review')) throw new HttpError(403, 'forbidden')
  }
}
