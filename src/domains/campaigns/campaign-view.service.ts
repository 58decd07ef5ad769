import { type Actor, can } from '../../platform/auth/actor.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCards } from '../accounts/index.ts'
import { organisationIn } from '../organisations/index.ts'
import { homeHighlight } from '../territories/index.ts'
import { attachmentInfo, campaignsOf, madeSoFar, type Point, pointsOf } from './campaign.repository.ts'
import { highlightSource } from './campaign.service.ts'
import { type Campaign, publicCampaign, runCampaign } from './campaign-access.ts'
import { stockByPoint } from './ledger.repository.ts'
import { batchesOfCampaign, makersOfCampaign } from './maker.repository.ts'
import {
  type CountByCommune,
  distributedByCommune,
  madeByCommune,
  openRequestsByCommune,
} from './progress.repository.ts'

export type NamedPoint = Point & { communeName: string }
/** One row of the public progress: a commune and its three counts. */
export type ProgressRow = {
  communeInsee: string
  communeName: string
  made: number
  distributed: number
  openRequests: number
}

/** What pages and the API read of campaigns: the public side, and the overview of those who run one. */
export class CampaignViews {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  async #commune(territory: Territory, insee: string): Promise<string> {
    return (await this.services.communes.find(territory, insee))?.name ?? insee
  }

  async #named(territory: Territory, points: Point[]): Promise<NamedPoint[]> {
    return Promise.all(
      points.map(async (p) => ({ ...p, communeName: await this.#commune(territory, p.communeInsee) })),
    )
  }

  /** The open campaigns of the territory, for everyone. */
  async openCampaigns(territory: Territory) {
    return campaignsOf(this.#db, territory.id, ['open'])
  }

  /** A campaign as the public sees it: opened ones only; a draft is not found. */
  async publicView(territory: Territory, id: string) {
    const campaign = await publicCampaign(this.#db, territory.id, id)
    if (!campaign) throw notFound()
    return this.#present(territory, campaign)
  }

  async #present(territory: Territory, campaign: Campaign) {
    const [points, attachment, made] = await Promise.all([
      pointsOf(this.#db, campaign.id),
      attachmentInfo(this.#db, campaign.id),
      madeSoFar(this.#db, campaign.id),
    ])
    return { campaign, points: await this.#named(territory, points), attachment, made }
  }

  /**
   * The overview of those who run the campaign: stock per point, makers with capacity and stock,
   * batches awaiting confirmation. Anyone else gets 404.
   */
  async overview(actor: Actor | null, territory: Territory, id: string) {
    const { campaign, me, as } = await runCampaign(this.#db, actor, territory.id, id, 'campaigns:read')
    const [base, stock, makers, pending, highlight] = await Promise.all([
      this.#present(territory, campaign),
      stockByPoint(this.#db, campaign.id),
      makersOfCampaign(this.#db, campaign.id),
      batchesOfCampaign(this.#db, campaign.id, 'declared'),
      homeHighlight(this.#db, territory.id),
    ])
    const people = await accountCards(this.#db, [...new Set(makers.map((m) => m.accountId))])
    const orgIds = [...new Set(makers.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))]
    const orgs = new Map(
      (await Promise.all(orgIds.map((o) => organisationIn(this.#db, territory.id, o)))).flatMap((o) =>
        o ? [[o.id, o.name] as const] : [],
      ),
    )
    const makerName = (m: (typeof makers)[number]) => {
      const person = people.get(m.accountId)?.displayName ?? ''
      return m.organisationId ? `${orgs.get(m.organisationId) ?? ''} (${person})` : person
    }
    const pointName = new Map(base.points.map((p) => [p.id, p.name]))
    const delegate = campaign.organisationId
      ? await organisationIn(this.#db, territory.id, campaign.organisationId)
      : null
    return {
      ...base,
      as,
      delegate: delegate ? { id: delegate.id, name: delegate.name } : null,
      stock: stock.map((s) => ({ ...s, name: pointName.get(s.pointId) ?? '' })),
      makers: makers.map((m) => ({ maker: m, name: makerName(m) })),
      pending: pending.map((b) => ({
        batch: b,
        maker: makerName(makers.find((m) => m.id === b.makerId)!),
        point: pointName.get(b.pointId) ?? '',
      })),
      highlighted: highlight?.source === highlightSource(campaign.id),
      canHighlight: as === 'staff' && can(me, 'home:highlight'),
    }
  }

  /** The campaign as its runner edits it; 404 for anyone else. */
  async manageable(actor: Actor | null, territory: Territory, id: string) {
    const { campaign, as } = await runCampaign(this.#db, actor, territory.id, id, 'campaigns:read')
    return { campaign, as, points: await this.#named(territory, await pointsOf(this.#db, campaign.id)) }
  }

  /**
   * Made, distributed and requests open, per commune: counts only, never a name. Made and
   * distributed go by the commune of the point, open requests by the requester's commune.
   */
  async progress(territory: Territory, id: string) {
    const campaign = await publicCampaign(this.#db, territory.id, id)
    if (!campaign) throw notFound()
    const [made, distributed, open] = await Promise.all([
      madeByCommune(this.#db, campaign.id),
      distributedByCommune(this.#db, campaign.id),
      openRequestsByCommune(this.#db, campaign.id),
    ])
    const rows = new Map<string, ProgressRow>()
    const add = (counts: CountByCommune, key: 'made' | 'distributed' | 'openRequests') => {
      for (const c of counts) {
        const row = rows.get(c.communeInsee) ?? {
          communeInsee: c.communeInsee,
          communeName: '',
          made: 0,
          distributed: 0,
          openRequests: 0,
        }
        row[key] += c.count
        rows.set(c.communeInsee, row)
      }
    }
    add(made, 'made')
    add(distributed, 'distributed')
    add(open, 'openRequests')
    for (const row of rows.values()) row.communeName = await this.#commune(territory, row.communeInsee)
    const communes = [...rows.values()].sort((a, b) => a.communeName.localeCompare(b.communeName, 'fr'))
    const total = (key: 'made' | 'distributed' | 'openRequests') => communes.reduce((s, r) => s + r[key], 0)
    return {
      campaign,
      totals: { made: total('made'), distributed: total('distributed'), openRequests: total('openRequests') },
      communes,
    }
  }
}
