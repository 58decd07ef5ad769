import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn, verified } from '../../platform/auth/guards.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { accountCards } from '../accounts/index.ts'
import { notify } from '../notifications/index.ts'
import { membershipsOf } from '../organisations/index.ts'
import { type RequestStatus, requestStatuses } from './campaign.schema.ts'
import { type Campaign, publicCampaign, runCampaign } from './campaign-access.ts'
import { stockByPoint } from './ledger.repository.ts'
import {
  allocationsOfRequests,
  cancelOwnRequest,
  findOwnRequest,
  findRequest,
  insertRequest,
  openDemandByPoint,
  pointsOf,
  refuseRequest,
  requestsOfAccount,
  requestsOfCampaign,
  type SupplyPoint,
  setPriority,
} from './request.repository.ts'
import {
  checkReason,
  checkRequest,
  distributes,
  isPriority,
  type RequestInput,
  type SupplyRequest,
} from './request.ts'

/** The commune field: what was typed (web) or an INSEE code (API). */
export type CommuneInput = { text: string } | { insee: string }

export type CreateResult =
  | { kind: 'created'; request: SupplyRequest }
  | { kind: 'invalid'; issues: Issue[]; choices: Commune[] }

export interface DemandFilter {
  status: RequestStatus | ''
  pointId: string
}

/** Asking for material, one's own requests, and staff's side of them; every use case checks access first. */
export class RequestService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** An open campaign a verified person may ask from; a draft, closed or another territory's is not found. */
  async #openCampaign(territory: Territory, campaignId: string): Promise<Campaign> {
    const campaign = await publicCampaign(this.#db, territory.id, campaignId)
    if (!campaign || campaign.status !== 'open') throw notFound()
    return campaign
  }

  /** What the request form offers: the campaign, its distribution points, one's organisations. */
  async form(actor: Actor | null, territory: Territory, campaignId: string) {
    const me = verified(actor, 'campaigns:write')
    const campaign = await this.#openCampaign(territory, campaignId)
    const points = (await pointsOf(this.#db, campaign.id)).filter((p) => distributes(p.role))
    const organisations = await membershipsOf(this.#db, territory.id, me.accountId)
    return { campaign, points, organisations: organisations.map((o) => ({ id: o.id, name: o.name })) }
  }

  async create(
    actor: Actor | null,
    territory: Territory,
    campaignId: string,
    input: RequestInput,
    commune: CommuneInput,
  ): Promise<CreateResult> {
    const me = verified(actor, 'campaigns:write')
    const { campaign, points, organisations } = await this.form(actor, territory, campaignId)
    const checked = checkRequest(input)
    const issues = checked.issues
    let choices: Commune[] = []
    let place: Commune | null = null
    if ('insee' in commune) place = await this.services.communes.find(territory, commune.insee)
    else if (commune.text.trim() !== '') {
      const found = await this.services.communes.resolve(territory, commune.text)
      if (found.kind === 'one') place = found.commune
      if (found.kind === 'many') choices = found.communes
    }
    if (!place) {
      const key = choices.length > 0 ? 'demand.commune.choose' : 'demand.commune.notCovered'
      issues.push({ field: 'commune', key })
    }
    const point = points.find((p) => p.id === input.pointId)
    if (!point) issues.push({ field: 'pointId', key: 'demand.point.required' })
    const organisation = organisations.find((o) => o.id === input.organisationId) ?? null
    if (input.organisationId !== '' && !organisation)
      issues.push({ field: 'organisationId', key: 'demand.organisation.notMember' })
    else if (organisation && checked.kind === 'person')
      issues.push({ field: 'organisationId', key: 'demand.organisation.notPerson' })
    if (issues.length > 0 || !place || !point || !checked.kind || !checked.priority)
      return { kind: 'invalid', issues, choices }
    const now = this.services.clock.now()
    const request: SupplyRequest = {
      id: this.services.ids(),
      campaignId: campaign.id,
      accountId: me.accountId,
      organisationId: organisation?.id ?? null,
      requesterKind: checked.kind,
      statusReason: null,
      quantity: checked.quantity,
      requestedPriority: checked.priority,
      priority: checked.priority,
      preferredPointId: point.id,
      communeInsee: place.insee,
      latitude: place.latitude,
      longitude: place.longitude,
      note: checked.note,
      status: 'open',
      allocated: 0,
      collected: 0,
      createdAt: now,
      updatedAt: now,
    }
    await insertRequest(this.#db, request)
    return { kind: 'created', request }
  }

  /** One's requests in the territory, with where and from when to collect what was allocated. */
  async mine(actor: Actor | null, territory: Territory) {
    const me = signedIn(actor, 'campaigns:read')
    const rows = await requestsOfAccount(this.#db, territory.id, me.accountId)
    const allocations = await allocationsOfRequests(
      this.#db,
      rows.map((r) => r.request.id),
    )
    return rows.map((row) => ({
      ...row,
      allocations: allocations.filter((a) => a.allocation.requestId === row.request.id),
    }))
  }

  /** One's own request, open and with nothing allocated yet, is cancelled; anyone else's is not found. */
  async cancel(actor: Actor | null, territory: Territory, requestId: string): Promise<SupplyRequest> {
    const me = signedIn(actor, 'campaigns:write')
    const request = isUuid(requestId)
      ? await findOwnRequest(this.#db, territory.id, me.accountId, requestId)
      : null
    if (!request) throw notFound()
    const cancelled = await cancelOwnRequest(this.#db, request.id, me.accountId, this.services.clock.now())
    if (!cancelled) throw new HttpError(409, 'request-status')
    return cancelled
  }

  /**
   * Staff's list of a campaign's requests, by priority then age, as filtered, with who asked, what
   * is allocated, and the supply and demand of each point.
   */
  async demands(actor: Actor | null, territory: Territory, campaignId: string, filter: DemandFilter) {
    const { campaign } = await runCampaign(this.#db, actor, territory.id, campaignId, 'campaigns:read')
    const points = await pointsOf(this.#db, campaign.id)
    const pointId = points.some((p) => p.id === filter.pointId) ? filter.pointId : null
    const status = (requestStatuses as readonly string[]).includes(filter.status) ? filter.status : ''
    const requests = await requestsOfCampaign(this.#db, campaign.id, {
      ...(status ? { statuses: [status as RequestStatus] } : {}),
      pointId,
    })
    const [people, allocations, stock, demand] = await Promise.all([
      accountCards(this.#db, [...new Set(requests.map((r) => r.accountId))]),
      allocationsOfRequests(
        this.#db,
        requests.map((r) => r.id),
      ),
      stockByPoint(this.#db, campaign.id),
      openDemandByPoint(this.#db, campaign.id),
    ])
    const balance = points.map((point) => ({
      point,
      stock: stock.find((s) => s.pointId === point.id) ?? { onHand: 0, reserved: 0, available: 0 },
      demand: demand.get(point.id) ?? 0,
    }))
    return {
      campaign,
      points,
      filter: { status, pointId: pointId ?? '' },
      balance,
      rows: requests.map((request) => ({
        request,
        person: people.get(request.accountId)?.displayName ?? '',
        point: points.find((p) => p.id === request.preferredPointId) ?? null,
        allocations: allocations.filter((a) => a.allocation.requestId === request.id),
      })),
    }
  }

  /** Staff raise or lower a live request's priority; the reason goes to the audit log. */
  async reprioritise(
    actor: Actor | null,
    territory: Territory,
    campaignId: string,
    requestId: string,
    form: { priority: string; reason: string },
  ): Promise<{ kind: 'done' } | { kind: 'invalid'; issues: Issue[] }> {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, campaignId)
    const request = isUuid(requestId) ? await findRequest(this.#db, campaign.id, requestId) : null
    if (!request) throw notFound()
    const issues: Issue[] = []
    if (!isPriority(form.priority) || form.priority === request.priority)
      issues.push({ field: 'priority', key: 'demand.priority.change' })
    const { reason, issue } = checkReason(form.reason)
    if (issue) issues.push(issue)
    if (issues.length > 0 || !isPriority(form.priority)) return { kind: 'invalid', issues }
    const priority = form.priority
    await this.#db.transaction(async (tx) => {
      const changed = await setPriority(tx, campaign.id, request.id, priority, this.services.clock.now())
      if (!changed) throw new HttpError(409, 'request-status')
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'campaign.request-priority',
          targetId: request.id,
          // The schema keeps the why of a priority here: staff's words, read by staff only.
          details: { from: request.priority, to: priority, reason },
        },
        tx,
      )
    })
    return { kind: 'done' }
  }

  /** Staff refuse an open request with a reason the requester is told, in the platform and by mail. */
  async refuse(
    actor: Actor | null,
    territory: Territory,
    campaignId: string,
    requestId: string,
    reasonText: string,
  ): Promise<{ kind: 'done' } | { kind: 'invalid'; issues: Issue[] }> {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, campaignId)
    const request = isUuid(requestId) ? await findRequest(this.#db, campaign.id, requestId) : null
    if (!request) throw notFound()
    const { reason, issue } = checkReason(reasonText)
    if (issue) return { kind: 'invalid', issues: [issue] }
    await this.#db.transaction(async (tx) => {
      const refused = await refuseRequest(tx, campaign.id, request.id, reason, this.services.clock.now())
      if (!refused) throw new HttpError(409, 'request-status')
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'campaign.request-refused',
          targetId: request.id,
        },
        tx,
      )
      await notify(this.services, tx, {
        territory,
        accountId: request.accountId,
        kind: 'supply.refused',
        params: { title: campaign.title, reason },
        link: '/mes-demandes-de-materiel',
      })
    })
    return { kind: 'done' }
  }
}

export type { SupplyPoint }
