import type { AuditAction } from '../../platform/audit/audit.ts'
import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { clearHomeHighlight, homeHighlight, setHomeHighlight } from '../territories/index.ts'
import {
  campaignsOf,
  delegationChoices,
  insertCampaign,
  insertPoint,
  pointsOf,
  updateCampaign,
  updatePoint,
} from './campaign.repository.ts'
import {
  type CampaignInput,
  checkCampaign,
  checkPoint,
  formatCount,
  formStatus,
  POINTS_MAX,
  type PointInput,
} from './campaign.ts'
import { type Campaign, runCampaign } from './campaign-access.ts'

export type Saved<T> = { kind: 'saved'; value: T } | { kind: 'invalid'; issues: Issue[] }

/** A point as the web form sends its commune (typed) or the API (an INSEE code). */
export type PointCommune = { by: 'text' | 'insee' }

export const highlightSource = (campaignId: string) => `campaign:${campaignId}`

/** Opening and running a campaign: staff open it; staff or its delegated organisation run it. */
export class CampaignService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** Staff only: the campaign list of the administration, every status. */
  async staffList(actor: Actor | null, territory: Territory) {
    const me = signedIn(actor)
    if (!can(me, 'campaign:manage')) throw notFound()
    return campaignsOf(this.#db, territory.id, ['draft', 'open', 'closed'])
  }

  async delegationChoices(actor: Actor | null, territory: Territory) {
    const me = signedIn(actor)
    if (!can(me, 'campaign:manage')) throw notFound()
    return delegationChoices(this.#db, territory.id)
  }

  async create(actor: Actor | null, territory: Territory, input: CampaignInput): Promise<Saved<Campaign>> {
    const me = signedIn(actor, 'campaigns:write')
    if (!can(me, 'campaign:manage')) throw notFound()
    const { fields, issues } = checkCampaign(input)
    const status = formStatus(input.status, issues)
    const organisationId = await this.#delegate(territory, input.organisationId, issues)
    if (issues.length > 0) return { kind: 'invalid', issues }
    const now = this.services.clock.now()
    const campaign: Campaign = {
      ...fields,
      id: this.services.ids(),
      territoryId: territory.id,
      organisationId,
      status,
      createdBy: me.accountId,
      createdAt: now,
      updatedAt: now,
    }
    await this.#db.transaction(async (tx) => {
      await insertCampaign(tx, campaign)
      await this.#audit(tx, territory, me, 'campaign.created', campaign.id, { status })
    })
    return { kind: 'saved', value: campaign }
  }

  /** Staff may change the delegation; the delegated organisation keeps it as it is. */
  async edit(actor: Actor | null, territory: Territory, id: string, input: CampaignInput) {
    const { campaign, me, as } = await runCampaign(this.#db, actor, territory.id, id)
    const { fields, issues } = checkCampaign(input)
    const organisationId =
      as === 'staff' ? await this.#delegate(territory, input.organisationId, issues) : campaign.organisationId
    if (issues.length > 0) return { kind: 'invalid', issues } as Saved<Campaign>
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const saved = await updateCampaign(tx, territory.id, campaign.id, {
        ...fields,
        organisationId,
        updatedAt: now,
      })
      if (!saved) throw notFound()
      await this.#audit(tx, territory, me, 'campaign.edited', campaign.id, {})
      return { kind: 'saved', value: saved } as Saved<Campaign>
    })
  }

  /** Opens a draft (or a closed campaign again); closing takes its home highlight down with it. */
  async setStatus(actor: Actor | null, territory: Territory, id: string, to: 'open' | 'closed') {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, id)
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const from = to === 'open' ? (['draft', 'closed'] as const) : (['draft', 'open'] as const)
      const saved = await updateCampaign(tx, territory.id, campaign.id, { status: to, updatedAt: now }, from)
      if (!saved) throw new HttpError(409, 'campaign-status')
      if (to === 'closed') await clearHomeHighlight(tx, territory.id, highlightSource(campaign.id))
      await this.#audit(
        tx,
        territory,
        me,
        to === 'open' ? 'campaign.opened' : 'campaign.closed',
        campaign.id,
        {},
      )
      return saved
    })
  }

  /** Staff only (home:highlight): the home page points to this campaign, in place of anything else. */
  async highlight(actor: Actor | null, territory: Territory, id: string, on: boolean) {
    const { campaign, me, as } = await runCampaign(this.#db, actor, territory.id, id)
    if (as !== 'staff' || !can(me, 'home:highlight')) throw notFound()
    if (on && campaign.status !== 'open') throw new HttpError(409, 'campaign-status')
    const t = translator('fr')
    await this.#db.transaction(async (tx) => {
      if (on)
        await setHomeHighlight(tx, territory.id, {
          source: highlightSource(campaign.id),
          title: campaign.title,
          text: t('supply.highlight.text', {
            target: formatCount(campaign.targetQuantity),
            unit: campaign.unit,
          }),
          href: `/collectes/${campaign.id}`,
          setBy: me.accountId,
          setAt: this.services.clock.now(),
        })
      else if (!(await clearHomeHighlight(tx, territory.id, highlightSource(campaign.id)))) return
      const action = on ? 'campaign.highlighted' : 'campaign.unhighlighted'
      await this.#audit(tx, territory, me, action, campaign.id, {})
    })
    return campaign
  }

  async isHighlighted(territory: Territory, campaignId: string): Promise<boolean> {
    return (await homeHighlight(this.#db, territory.id))?.source === highlightSource(campaignId)
  }

  async addPoint(actor: Actor | null, territory: Territory, id: string, input: PointInput & PointCommune) {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, id)
    const issues: Issue[] = []
    if ((await pointsOf(this.#db, campaign.id)).length >= POINTS_MAX)
      issues.push({ field: 'name', key: 'supply.point.tooMany', params: { max: POINTS_MAX } })
    const fields = checkPoint(input, issues)
    const commune = await this.#commune(territory, input, issues)
    if (issues.length > 0 || !commune) return { kind: 'invalid', issues } as Saved<string>
    const pointId = this.services.ids()
    await this.#db.transaction(async (tx) => {
      await insertPoint(tx, {
        ...fields,
        id: pointId,
        campaignId: campaign.id,
        communeInsee: commune.insee,
        latitude: commune.latitude,
        longitude: commune.longitude,
        createdAt: this.services.clock.now(),
      })
      await this.#audit(tx, territory, me, 'campaign.point-saved', campaign.id, { pointId })
    })
    return { kind: 'saved', value: pointId } as Saved<string>
  }

  async editPoint(
    actor: Actor | null,
    territory: Territory,
    id: string,
    pointId: string,
    input: PointInput & PointCommune,
  ) {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, id)
    const points = await pointsOf(this.#db, campaign.id)
    if (!points.some((p) => p.id === pointId)) throw notFound()
    const issues: Issue[] = []
    const fields = checkPoint(input, issues)
    const commune = await this.#commune(territory, input, issues)
    if (issues.length > 0 || !commune) return { kind: 'invalid', issues } as Saved<string>
    await this.#db.transaction(async (tx) => {
      const place = { communeInsee: commune.insee, latitude: commune.latitude, longitude: commune.longitude }
      if (!(await updatePoint(tx, campaign.id, pointId, { ...fields, ...place }))) throw notFound()
      await this.#audit(tx, territory, me, 'campaign.point-saved', campaign.id, { pointId })
    })
    return { kind: 'saved', value: pointId } as Saved<string>
  }

  async #delegate(territory: Territory, organisationId: string, issues: Issue[]): Promise<string | null> {
    if (organisationId.trim() === '') return null
    const choices = await delegationChoices(this.#db, territory.id)
    const found = choices.find((o) => o.id === organisationId)
    if (!found) issues.push({ field: 'organisationId', key: 'supply.delegate.invalid' })
    return found?.id ?? null
  }

  async #commune(territory: Territory, input: { commune: string; by: 'text' | 'insee' }, issues: Issue[]) {
    let commune: Commune | null = null
    const typed = input.commune.trim()
    if (typed === '') issues.push({ field: 'commune', key: 'supply.point.commune.required' })
    else if (input.by === 'insee') commune = await this.services.communes.find(territory, typed)
    else {
      const found = await this.services.communes.resolve(territory, typed)
      if (found.kind === 'one') commune = found.commune
      else if (found.kind === 'many') issues.push({ field: 'commune', key: 'supply.point.commune.many' })
    }
    if (typed !== '' && !commune && !issues.some((i) => i.field === 'commune'))
      issues.push({
        field: 'commune',
        key: 'supply.point.commune.notCovered',
      })
    return commune
  }

  async #audit(
    tx: DbOrTx,
    territory: Territory,
    me: Actor,
    action: AuditAction,
    targetId: string,
    details: Record<string, string | number | boolean>,
  ) {
    await this.services.audit.record(
      { territoryId: territory.id, actorId: me.accountId, action, targetId, details },
      tx,
    )
  }
}
