import type { Actor } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { violatedConstraint } from '../../platform/db/constraint-errors.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { notify } from '../notifications/index.ts'
import {
  changeProposedRow,
  confirmRows,
  decideProposal,
  discardDrafts,
  findAllocation,
  findProposal,
  insertProposal,
  latestProposal,
  type Proposal,
  removeProposedRow,
  rowsOfProposal,
} from './allocation.repository.ts'
import { type AllocationRow, solveAllocation } from './allocation-model.ts'
import { type Campaign, runCampaign } from './campaign-access.ts'
import { collectDay, formatCount, frenchDay, parisToday } from './demand-format.ts'
import { recordMovement, StockShortage, stockByPoint } from './ledger.repository.ts'
import { moveRequestCounters, pointsOf, requestsOfCampaign, type SupplyPoint } from './request.repository.ts'
import { distributes, isLive, parseQuantity, remainingOf } from './request.ts'

export type ApplyResult =
  | { kind: 'applied'; rows: number }
  | { kind: 'invalid'; issues: Issue[] }
  /** the stock moved since the proposal: nothing was written, propose again */
  | { kind: 'shortage'; point: string }
  /** a request was cancelled, refused or served meanwhile */
  | { kind: 'stale' }
  | { kind: 'decided' }

/** A request changed under the proposal: the transaction stops and nothing stays written. */
class StaleProposal extends Error {}

/** The allocation of available stock to open requests: proposed by HiGHS, adjusted, then applied. */
export class AllocationService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** The solver's proposal for what is available now; any earlier draft is set aside. */
  async propose(actor: Actor | null, territory: Territory, campaignId: string): Promise<Proposal> {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, campaignId)
    const [points, stock, requests] = await Promise.all([
      pointsOf(this.#db, campaign.id),
      stockByPoint(this.#db, campaign.id),
      requestsOfCampaign(this.#db, campaign.id, { statuses: ['open', 'allocated'] }),
    ])
    const input = {
      requests: requests.filter((r) => remainingOf(r) > 0).map((r) => ({ ...r, remaining: remainingOf(r) })),
      points: points
        .filter((p) => distributes(p.role))
        .map((p) => ({ ...p, available: stock.find((s) => s.pointId === p.id)?.available ?? 0 })),
    }
    const solved = await solveAllocation(input)
    const now = this.services.clock.now()
    const proposal: Proposal = {
      id: this.services.ids(),
      campaignId: campaign.id,
      status: 'draft',
      solverMs: solved.solverMs,
      solverStatus: solved.status,
      createdBy: me.accountId,
      createdAt: now,
      decidedAt: null,
    }
    const rows = solved.rows.map((row: AllocationRow) => ({
      id: this.services.ids(),
      campaignId: campaign.id,
      proposalId: proposal.id,
      requestId: row.requestId,
      pointId: row.pointId,
      quantity: row.quantity,
      status: 'proposed' as const,
      collectFrom: null,
      notifiedAt: null,
      createdBy: me.accountId,
      createdAt: now,
      updatedAt: now,
    }))
    await this.#db.transaction(async (tx) => {
      await discardDrafts(tx, campaign.id, now)
      await insertProposal(tx, proposal, rows)
    })
    return proposal
  }

  /** The latest proposal with its rows, totals per priority and per point, and the stock beside them. */
  async view(actor: Actor | null, territory: Territory, campaignId: string) {
    const { campaign } = await runCampaign(this.#db, actor, territory.id, campaignId, 'campaigns:read')
    const proposal = await latestProposal(this.#db, campaign.id)
    const [rows, points, stock] = await Promise.all([
      proposal ? rowsOfProposal(this.#db, proposal.id) : Promise.resolve([]),
      pointsOf(this.#db, campaign.id),
      stockByPoint(this.#db, campaign.id),
    ])
    return { campaign, proposal, rows, points: points.filter((p) => distributes(p.role)), stock }
  }

  /**
   * Staff change a row's point or quantity. It is checked against what the point has available and
   * what the request still wants, counting the draft's other rows; a refusal writes nothing.
   */
  async adjust(
    actor: Actor | null,
    territory: Territory,
    campaignId: string,
    allocationId: string,
    form: { quantity: string; pointId: string },
  ): Promise<{ kind: 'done' } | { kind: 'invalid'; issues: Issue[] }> {
    const { campaign, row, rows, points, stock } = await this.#draftRow(
      actor,
      territory,
      campaignId,
      allocationId,
    )
    const issues: Issue[] = []
    const quantity = parseQuantity(form.quantity, 'quantity')
    if (typeof quantity !== 'number') issues.push(quantity)
    const point = points.find((p) => p.id === form.pointId && distributes(p.role))
    if (!point) issues.push({ field: 'pointId', key: 'demand.point.required' })
    if (typeof quantity !== 'number' || !point) return { kind: 'invalid', issues }
    const others = rows.filter((r) => r.allocation.id !== row.allocation.id)
    const atPoint = others
      .filter((r) => r.point.id === point.id)
      .reduce((s, r) => s + r.allocation.quantity, 0)
    const available = stock.find((s) => s.pointId === point.id)?.available ?? 0
    if (atPoint + quantity > available)
      issues.push({
        field: 'quantity',
        key: 'demand.adjust.overStock',
        params: {
          left: formatCount(Math.max(0, available - atPoint)),
          point: point.name,
          unit: campaign.unit,
        },
      })
    const forRequest = others
      .filter((r) => r.request.id === row.request.id)
      .reduce((s, r) => s + r.allocation.quantity, 0)
    const wants = remainingOf(row.request) - forRequest
    if (forRequest + quantity > remainingOf(row.request))
      issues.push({
        field: 'quantity',
        key: 'demand.adjust.overDemand',
        params: { left: formatCount(Math.max(0, wants)), unit: campaign.unit },
      })
    if (issues.length > 0) return { kind: 'invalid', issues }
    const changed = await changeProposedRow(
      this.#db,
      row.allocation.id,
      { pointId: point.id, quantity },
      this.services.clock.now(),
    )
    if (!changed) throw new HttpError(409, 'proposal-status')
    return { kind: 'done' }
  }

  async remove(actor: Actor | null, territory: Territory, campaignId: string, allocationId: string) {
    const { row } = await this.#draftRow(actor, territory, campaignId, allocationId)
    if (!(await removeProposedRow(this.#db, row.allocation.id))) throw new HttpError(409, 'proposal-status')
  }

  async #draftRow(actor: Actor | null, territory: Territory, campaignId: string, allocationId: string) {
    const { campaign } = await runCampaign(this.#db, actor, territory.id, campaignId)
    const allocation = isUuid(allocationId) ? await findAllocation(this.#db, campaign.id, allocationId) : null
    const proposal = allocation?.proposalId
      ? await findProposal(this.#db, campaign.id, allocation.proposalId)
      : null
    if (!allocation || !proposal) throw notFound()
    if (proposal.status !== 'draft' || allocation.status !== 'proposed')
      throw new HttpError(409, 'proposal-status')
    const [rows, points, stock] = await Promise.all([
      rowsOfProposal(this.#db, proposal.id),
      pointsOf(this.#db, campaign.id),
      stockByPoint(this.#db, campaign.id),
    ])
    const row = rows.find((r) => r.allocation.id === allocation.id)
    if (!row) throw notFound()
    return { campaign, proposal, row, rows, points, stock }
  }

  /**
   * Applies a draft in one transaction: the proposal leaves draft (once only), each row becomes a
   * confirmed allocation with its 'allocated' entry in the ledger, each request's counter moves,
   * and each requester is told where and from when to collect. Any refusal undoes all of it.
   */
  async apply(
    actor: Actor | null,
    territory: Territory,
    campaignId: string,
    proposalId: string,
    fromText: string,
  ): Promise<ApplyResult> {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, campaignId)
    const proposal = isUuid(proposalId) ? await findProposal(this.#db, campaign.id, proposalId) : null
    if (!proposal) throw notFound()
    const now = this.services.clock.now()
    const from = collectDay(fromText, parisToday(now))
    if (typeof from !== 'string') return { kind: 'invalid', issues: [from] }
    const points = await pointsOf(this.#db, campaign.id)
    try {
      return await this.#db.transaction(async (tx) => {
        const decided = await decideProposal(tx, proposal.id, 'applied', now)
        if (!decided) return { kind: 'decided' } as const
        const rows = await confirmRows(tx, proposal.id, from, now)
        for (const row of rows) {
          await recordMovement(tx, {
            campaignId: campaign.id,
            pointId: row.pointId,
            movement: 'allocated',
            quantity: row.quantity,
            allocationId: row.id,
            recordedBy: me.accountId,
            at: now,
          })
          const request = await this.#count(tx, row.requestId, row.quantity, now)
          await this.#tell(tx, territory, campaign, request.accountId, row, points, from)
        }
        await this.services.audit.record(
          {
            territoryId: territory.id,
            actorId: me.accountId,
            action: 'campaign.allocation-applied',
            targetId: proposal.id,
            details: { rows: rows.length },
          },
          tx,
        )
        return { kind: 'applied', rows: rows.length } as const
      })
    } catch (error) {
      if (error instanceof StockShortage)
        return { kind: 'shortage', point: points.find((p) => p.id === error.pointId)?.name ?? '' }
      if (error instanceof StaleProposal) return { kind: 'stale' }
      throw error
    }
  }

  async #count(tx: DbOrTx, requestId: string, quantity: number, now: Date) {
    try {
      const request = await moveRequestCounters(tx, requestId, { allocated: quantity, collected: 0 }, now)
      if (!request || !isLive(request)) throw new StaleProposal()
      return request
    } catch (error) {
      if (violatedConstraint(error) === 'supply_requests_quantity_check') throw new StaleProposal()
      throw error
    }
  }

  async #tell(
    tx: DbOrTx,
    territory: Territory,
    campaign: Campaign,
    accountId: string,
    row: { quantity: number; pointId: string },
    points: SupplyPoint[],
    from: string,
  ) {
    const point = points.find((p) => p.id === row.pointId)!
    await notify(this.services, tx, {
      territory,
      accountId,
      kind: 'supply.allocated',
      params: {
        amount: `${formatCount(row.quantity)} ${campaign.unit}`,
        title: campaign.title,
        point: point.name,
        address: point.address,
        hours: point.hours,
        from: frenchDay(from),
      },
      link: '/mes-demandes-de-materiel',
    })
  }

  /** Staff set a draft aside; applied or discarded, it can never be applied again. */
  async discard(actor: Actor | null, territory: Territory, campaignId: string, proposalId: string) {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, campaignId)
    const proposal = isUuid(proposalId) ? await findProposal(this.#db, campaign.id, proposalId) : null
    if (!proposal) throw notFound()
    await this.#db.transaction(async (tx) => {
      if (!(await decideProposal(tx, proposal.id, 'discarded', this.services.clock.now())))
        throw new HttpError(409, 'proposal-status')
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'campaign.allocation-discarded',
          targetId: proposal.id,
        },
        tx,
      )
    })
  }
}
