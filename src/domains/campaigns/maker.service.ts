import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn, verified } from '../../platform/auth/guards.ts'
import { notFound } from '../../platform/http/problem.ts'
import { dateTimeFormat } from '../../platform/i18n/intl.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { accountCards } from '../accounts/index.ts'
import { membershipsOf } from '../organisations/index.ts'
import { pointsOf } from './campaign.repository.ts'
import type { MakerKind } from './campaign.schema.ts'
import { collects, isoDay, parseQuantity } from './campaign.ts'
import { type Campaign, publicCampaign } from './campaign-access.ts'
import {
  type Batch,
  batchesOfMakers,
  findMaker,
  insertBatch,
  type Maker,
  makerById,
  participationsOf,
  saveMaker,
} from './maker.repository.ts'

export interface CapacityInput {
  /** empty: in one's own name */
  organisationId: string
  capacity: string
  stock: string
}

export interface BatchInput {
  makerId: string
  quantity: string
  pointId: string
  handedOn: string
}

/** An organisation a maker may speak for: an association or a workshop they manage. */
export type MakerChoice = { id: string; name: string; kind: MakerKind }

const parisToday = (now: Date) => dateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now)

/** Makers declare a capacity and the stock they hold, and record the batches they hand over. */
export class MakerService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** The organisations one may make for: associations and workshops one manages. */
  async choices(actor: Actor, territory: Territory): Promise<MakerChoice[]> {
    const mine = await membershipsOf(this.#db, territory.id, actor.accountId)
    return mine.flatMap((o) =>
      o.role === 'manager' && o.status === 'verified' && (o.kind === 'association' || o.kind === 'workshop')
        ? [{ id: o.id, name: o.name, kind: o.kind }]
        : [],
    )
  }

  /** The campaign one makes for: open to makers only while open; drafts are not found. */
  async #campaign(territory: Territory, id: string): Promise<Campaign> {
    const campaign = await publicCampaign(this.#db, territory.id, id)
    if (!campaign) throw notFound()
    return campaign
  }

  /** What the form needs: the campaign, one's choices, one's participations in it and its points. */
  async form(actor: Actor | null, territory: Territory, id: string) {
    const me = verified(actor, 'campaigns:write')
    const campaign = await this.#campaign(territory, id)
    const choices = await this.choices(me, territory)
    const rows = await participationsOf(
      this.#db,
      territory.id,
      me.accountId,
      choices.map((c) => c.id),
    )
    const makers = rows.filter((r) => r.campaign.id === campaign.id).map((r) => r.maker)
    const points = (await pointsOf(this.#db, campaign.id)).filter((p) => collects(p.role))
    return { campaign, choices, makers, points }
  }

  /** Declares a capacity, or updates it (and the stock held) when one already makes for the campaign. */
  async declare(actor: Actor | null, territory: Territory, id: string, input: CapacityInput) {
    const me = verified(actor, 'campaigns:write')
    const campaign = await this.#campaign(territory, id)
    const issues: Issue[] = []
    if (campaign.status !== 'open') issues.push({ field: 'capacity', key: 'supply.maker.notOpen' })
    let choice: MakerChoice | null = null
    if (input.organisationId !== '') {
      choice = (await this.choices(me, territory)).find((c) => c.id === input.organisationId) ?? null
      if (!choice) issues.push({ field: 'organisationId', key: 'supply.maker.organisation' })
    }
    const capacity = parseQuantity(input.capacity, 'capacity')
    if (typeof capacity !== 'number') issues.push(capacity)
    const stock = parseQuantity(input.stock.trim() === '' ? '0' : input.stock, 'stock', { min: 0 })
    if (typeof stock !== 'number') issues.push(stock)
    if (issues.length > 0 || typeof capacity !== 'number' || typeof stock !== 'number')
      return { kind: 'invalid' as const, issues }
    const card = (await accountCards(this.#db, [me.accountId])).get(me.accountId)
    const now = this.services.clock.now()
    const maker = await saveMaker(this.#db, {
      id: this.services.ids(),
      campaignId: campaign.id,
      accountId: me.accountId,
      organisationId: choice?.id ?? null,
      kind: choice?.kind ?? 'person',
      communeInsee: card?.communeInsee ?? '',
      weeklyCapacity: capacity,
      stockHeld: stock,
      createdAt: now,
      updatedAt: now,
    })
    return { kind: 'saved' as const, maker }
  }

  /** A maker records a batch handed over at a collection point; staff confirm it on receipt. */
  async recordBatch(actor: Actor | null, territory: Territory, id: string, input: BatchInput) {
    const me = verified(actor, 'campaigns:write')
    const campaign = await this.#campaign(territory, id)
    const maker = await this.#mine(me, territory, campaign.id, input.makerId)
    const issues: Issue[] = []
    if (!maker) issues.push({ field: 'makerId', key: 'supply.batch.noMaker' })
    if (campaign.status !== 'open') issues.push({ field: 'quantity', key: 'supply.maker.notOpen' })
    const quantity = parseQuantity(input.quantity, 'quantity')
    if (typeof quantity !== 'number') issues.push(quantity)
    const point = (await pointsOf(this.#db, campaign.id)).find((p) => p.id === input.pointId)
    if (!point || !collects(point.role)) issues.push({ field: 'pointId', key: 'supply.batch.point' })
    const handedOn = isoDay(input.handedOn)
    if (!handedOn) issues.push({ field: 'handedOn', key: 'supply.date.invalid' })
    else if (handedOn > parisToday(this.services.clock.now()))
      issues.push({ field: 'handedOn', key: 'supply.batch.future' })
    if (issues.length > 0 || !maker || typeof quantity !== 'number' || !point || !handedOn)
      return { kind: 'invalid' as const, issues }
    const batch: Batch = {
      id: this.services.ids(),
      campaignId: campaign.id,
      makerId: maker.id,
      pointId: point.id,
      quantity,
      status: 'declared',
      receivedQuantity: null,
      refusalReason: null,
      handedOn,
      createdAt: this.services.clock.now(),
      decidedAt: null,
      decidedBy: null,
    }
    await insertBatch(this.#db, batch)
    return { kind: 'saved' as const, batch }
  }

  /**
   * One's participations (one's own and one's organisations') with their batches, newest campaign
   * first; what a maker sees of batches is theirs only.
   */
  async mine(
    actor: Actor | null,
    territory: Territory,
    scope: 'campaigns:read' | 'campaigns:write' = 'campaigns:read',
  ) {
    const me = signedIn(actor, scope)
    const choices = await this.choices(me, territory)
    const rows = await participationsOf(
      this.#db,
      territory.id,
      me.accountId,
      choices.map((c) => c.id),
    )
    const batches = await batchesOfMakers(
      this.#db,
      rows.map((r) => r.maker.id),
    )
    const points = new Map(
      (await Promise.all([...new Set(rows.map((r) => r.campaign.id))].map((c) => pointsOf(this.#db, c))))
        .flat()
        .map((p) => [p.id, p] as const),
    )
    const names = new Map(choices.map((c) => [c.id, c.name]))
    return rows.map(({ maker, campaign }) => ({
      maker,
      campaign,
      onBehalf: maker.organisationId ? (names.get(maker.organisationId) ?? null) : null,
      batches: batches
        .filter((b) => b.makerId === maker.id)
        .map((b) => ({ batch: b, point: points.get(b.pointId)?.name ?? '' })),
    }))
  }

  /** One batch, for the maker who recorded it (or a manager of the organisation that made it); 404 for anyone else. */
  async batch(actor: Actor | null, territory: Territory, campaignId: string, batchId: string) {
    const me = signedIn(actor, 'campaigns:read')
    const all = await this.mine(me, territory)
    for (const p of all) {
      if (p.campaign.id !== campaignId || p.campaign.status === 'draft') continue
      const found = p.batches.find((b) => b.batch.id === batchId)
      if (found) return { ...found, campaign: p.campaign, maker: p.maker }
    }
    throw notFound()
  }

  /** A participation of the campaign one may act for (one's own, or an organisation's one manages). */
  async #mine(me: Actor, territory: Territory, campaignId: string, makerId: string): Promise<Maker | null> {
    if (makerId.trim() === '') return findMaker(this.#db, campaignId, me.accountId, null)
    const maker = isUuid(makerId) ? await makerById(this.#db, campaignId, makerId) : null
    if (!maker) throw notFound()
    const own =
      maker.organisationId === null
        ? maker.accountId === me.accountId
        : (await this.choices(me, territory)).some((c) => c.id === maker.organisationId)
    if (!own) throw notFound()
    return maker
  }
}
