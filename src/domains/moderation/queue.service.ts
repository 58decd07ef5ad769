import { type Actor, can } from '../../platform/auth/actor.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { ReviewCause } from '../../platform/review/review.schema.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isUuid } from '../../platform/validation.ts'
import { accountCards } from '../accounts/index.ts'
import {
  claimItem,
  countOpenByCause,
  findItem,
  listOpenItems,
  type ReviewItemRow,
} from './queue.repository.ts'
import { type Decision, decisionsFor, LEASE_MINUTES, PAGE_SIZE, type QueueFilter } from './queue.ts'

export interface QueueRow {
  item: ReviewItemRow
  /** the moderator holding it now, while their lease runs; null when free */
  holderName: string | null
}

export interface QueueView {
  rows: QueueRow[]
  counts: Map<ReviewCause, number>
  total: number
  hasNext: boolean
}

/** Who holds an item and since when, as the item page says it. */
export interface Claim {
  mine: boolean
  holderName: string
  since: Date
}

export interface OpenedItem {
  item: ReviewItemRow
  /** null once decided or withdrawn */
  claim: Claim | null
  /** what this moderator may decide now: none while someone else holds it or once decided */
  decisions: Decision[]
  decidedByName: string | null
}

const LEASE_MS = LEASE_MINUTES * 60_000

/** The territory's moderation queue as moderators read it; every use starts with the access check. */
export class QueueService {
  constructor(private readonly services: AppServices) {}

  async list(actor: Actor | null, territory: Territory, filter: QueueFilter): Promise<QueueView> {
    this.#moderator(actor)
    const { db } = this.services.database
    const [found, counts] = await Promise.all([
      listOpenItems(db, territory.id, filter, PAGE_SIZE),
      countOpenByCause(db, territory.id, filter),
    ])
    const rows = found.slice(0, PAGE_SIZE)
    const now = this.services.clock.now()
    const held = rows.filter((r) => r.claimedBy && r.leaseUntil && r.leaseUntil > now)
    const names = await accountCards(
      db,
      held.map((r) => r.claimedBy!),
    )
    const total = filter.cause
      ? (counts.get(filter.cause) ?? 0)
      : [...counts.values()].reduce((a, b) => a + b, 0)
    return {
      rows: rows.map((item) => ({
        item,
        holderName: held.includes(item) ? (names.get(item.claimedBy!)?.displayName ?? '') : null,
      })),
      counts,
      total,
      hasNext: found.length > PAGE_SIZE,
    }
  }

  /**
   * Opening an open item takes it for this moderator for 15 minutes, or renews their lease; while
   * another holds it, the page says who and since when, and offers no decision.
   */
  async open(actor: Actor | null, territory: Territory, id: string): Promise<OpenedItem> {
    this.#moderator(actor)
    const { db } = this.services.database
    const item = isUuid(id) ? await findItem(db, territory.id, id) : null
    if (!item) throw notFound()
    if (item.status !== 'open') {
      const by = item.decidedBy ? (await accountCards(db, [item.decidedBy])).get(item.decidedBy) : undefined
      return { item, claim: null, decisions: [], decidedByName: by?.displayName ?? null }
    }
    const now = this.services.clock.now()
    const claimed = await claimItem(
      db,
      territory.id,
      id,
      actor!.accountId,
      now,
      new Date(now.getTime() + LEASE_MS),
    )
    if (claimed)
      return {
        item: claimed,
        claim: { mine: true, holderName: actor!.displayName, since: sinceOf(claimed) },
        decisions: decisionsFor(claimed.subjectKind, claimed.cause),
        decidedByName: null,
      }
    // Someone else holds it (or it was decided between the two reads): read it again as it is.
    const current = (await findItem(db, territory.id, id))!
    if (current.status !== 'open') return this.open(actor, territory, id)
    const holder = (await accountCards(db, [current.claimedBy!])).get(current.claimedBy!)
    return {
      item: current,
      claim: { mine: false, holderName: holder?.displayName ?? '', since: sinceOf(current) },
      decisions: [],
      decidedByName: null,
    }
  }

  /** The item as it stands, for the API's reading: nothing is claimed (POST …/claim does). */
  async peek(actor: Actor | null, territory: Territory, id: string): Promise<OpenedItem> {
    this.#moderator(actor)
    const { db } = this.services.database
    const item = isUuid(id) ? await findItem(db, territory.id, id) : null
    if (!item) throw notFound()
    const now = this.services.clock.now()
    const holderId =
      item.status === 'open' && item.leaseUntil && item.leaseUntil > now ? item.claimedBy : null
    const people = [holderId, item.decidedBy].filter((p): p is string => p !== null)
    const cards = await accountCards(db, people)
    const mine = holderId === actor!.accountId
    return {
      item,
      claim: holderId
        ? { mine, holderName: cards.get(holderId)?.displayName ?? '', since: sinceOf(item) }
        : null,
      decisions:
        item.status === 'open' && (!holderId || mine) ? decisionsFor(item.subjectKind, item.cause) : [],
      decidedByName: item.decidedBy ? (cards.get(item.decidedBy)?.displayName ?? '') : null,
    }
  }

  #moderator(actor: Actor | null) {
    if (!can(actor, 'moderation:review')) throw new HttpError(403, 'forbidden')
  }
}

/** A lease is always 15 minutes long, so it began 15 minutes before it ends. */
const sinceOf = (item: ReviewItemRow) => new Date((item.leaseUntil ?? item.updatedAt).getTime() - LEASE_MS)
