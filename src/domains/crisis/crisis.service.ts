import type { Actor } from '../../platform/auth/actor.ts'
import { violatedConstraint } from '../../platform/db/constraint-errors.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { setCrisisMode } from '../../platform/tenancy/crisis-mode.repository.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { localDay } from '../../platform/views/format.ts'
import { callCampaignProgress } from '../calls/index.ts'
import { listCategories, setCategoriesActive } from '../categories/index.ts'
import { listingFigures } from '../listings/index.ts'
import { responsesTo } from '../matches/index.ts'
import { calloutFigures } from './callout.repository.ts'
import {
  endPeriod,
  findTemplate,
  history,
  insertPeriod,
  openPeriod,
  setCampaign,
} from './crisis.repository.ts'
import { type CrisisKind, type CrisisPeriod, checkReason, isCrisisKind, KIND_LABEL } from './crisis.ts'
import { CrisisTemplates, crisisManager } from './crisis-templates.service.ts'

/**
 * How a crisis launches its call campaign: the calls domain's `startCallCampaign`, handed in by
 * src/modules.ts (a test hands in one that fails, to see the crisis stay on). Returns the campaign's
 * id (or the campaign).
 */
export type LaunchCallCampaign = (
  services: AppServices,
  actor: Actor,
  territory: Territory,
  input: { title: string; reason: CrisisKind; communeInsee: string | null },
) => Promise<string | { id: string }>

export interface CrisisSlots {
  launchCallCampaign?: LaunchCallCampaign
}

export type SwitchResult =
  | { kind: 'started'; period: CrisisPeriod; campaign: 'launched' | 'failed' | 'none' }
  | { kind: 'ended'; period: CrisisPeriod }
  | { kind: 'invalid'; issues: Issue[] }

/** Crisis mode of a territory: its templates, the switch and the history; administrators only. */
export class CrisisService {
  readonly #templates: CrisisTemplates

  constructor(
    private readonly services: AppServices,
    private readonly slots: CrisisSlots = {},
  ) {
    this.#templates = new CrisisTemplates(services)
  }

  get #db() {
    return this.services.database.db
  }

  /** The templates, for the pages that edit them. */
  get templates(): CrisisTemplates {
    return this.#templates
  }

  /** The crisis page: the templates, the crisis under way if any, and the history. */
  async overview(actor: Actor | null, territory: Territory) {
    crisisManager(actor)
    const [templates, current, past] = await Promise.all([
      this.#templates.ensure(territory),
      openPeriod(this.#db, territory.id),
      history(this.#db, territory.id),
    ])
    return { templates, current, history: past.filter((p) => p.endedAt !== null) }
  }

  /**
   * Switching on, in one transaction: the period, its categories opened, the banner, the trace.
   * The call campaign, if asked, is launched once that has committed: a campaign that fails to
   * start leaves the crisis on and says so.
   */
  async start(
    actor: Actor | null,
    territory: Territory,
    input: { kind: string; reason: string; launchCampaign: boolean },
  ): Promise<SwitchResult> {
    const me = crisisManager(actor)
    const issues: Issue[] = []
    if (!isCrisisKind(input.kind)) issues.push({ field: 'kind', key: 'crisis.error.kind' })
    const reason = checkReason(input.reason, issues)
    if (issues.length > 0 || !isCrisisKind(input.kind)) return { kind: 'invalid', issues }
    await this.#templates.ensure(territory)
    const template = (await findTemplate(this.#db, territory.id, input.kind))!
    const now = this.services.clock.now()
    const categories = await listCategories(this.#db, territory.id, { activeOnly: false })
    const chosen = categories.filter((c) => template.categorySlugs.includes(c.slug))
    const period: CrisisPeriod = {
      id: this.services.ids(),
      territoryId: territory.id,
      kind: template.kind,
      reason,
      message: template.homeMessage,
      categoryIds: chosen.map((c) => c.id),
      callCampaignId: null,
      startedBy: me.accountId,
      startedAt: now,
      endedBy: null,
      endedAt: null,
      endReason: null,
      counts: null,
    }
    try {
      await this.#db.transaction(async (tx) => {
        await insertPeriod(tx, period)
        await setCategoriesActive(tx, territory.id, period.categoryIds, true, now)
        await setCrisisMode(tx, territory.id, template.homeMessage, now)
        await this.services.audit.record(
          {
            territoryId: territory.id,
            actorId: me.accountId,
            action: 'crisis.started',
            targetId: period.id,
            details: { kind: period.kind, categories: period.categoryIds.length },
          },
          tx,
        )
      })
    } catch (error) {
      if (violatedConstraint(error) !== 'crisis_periods_open_idx') throw error
      return { kind: 'invalid', issues: [{ field: 'kind', key: 'crisis.error.alreadyOn' }] }
    }
    this.#forgetCaches()
    const campaign = input.launchCampaign ? await this.#launchCampaign(me, territory, period) : 'none'
    return { kind: 'started', period, campaign }
  }

  async #launchCampaign(me: Actor, territory: Territory, period: CrisisPeriod) {
    const launch = this.slots.launchCallCampaign
    if (!launch) return 'failed' as const
    try {
      // Named as staff will look for it in the campaigns' list: « Canicule – 16 mars 2026 ».
      const title = `${translator('fr')(KIND_LABEL[period.kind])} – ${localDay(period.startedAt, 'fr')}`
      const made = await launch(this.services, me, territory, {
        title,
        reason: period.kind,
        communeInsee: null,
      })
      await setCampaign(this.#db, period.id, typeof made === 'string' ? made : made.id)
      period.callCampaignId = typeof made === 'string' ? made : made.id
      return 'launched' as const
    } catch {
      return 'failed' as const
    }
  }

  /**
   * Switching off: the crisis's categories flagged « crise » close to new posts (their listings
   * stay readable, as any inactive category's do; everyday ones a template also opened stay
   * open), the banner goes, and the period ends with what it gathered.
   */
  async end(actor: Actor | null, territory: Territory, input: { reason: string }): Promise<SwitchResult> {
    const me = crisisManager(actor)
    const issues: Issue[] = []
    const reason = checkReason(input.reason, issues, 'endReason')
    const current = await openPeriod(this.#db, territory.id)
    if (!current) issues.push({ field: 'endReason', key: 'crisis.error.notOn' })
    if (issues.length > 0 || !current) return { kind: 'invalid', issues }
    const now = this.services.clock.now()
    const categories = await listCategories(this.#db, territory.id, { activeOnly: false })
    const closing = categories.filter((c) => c.crisis && current.categoryIds.includes(c.id)).map((c) => c.id)
    const ended = await this.#db.transaction(async (tx) => {
      const counts = await this.#counts(tx, territory, current, now)
      const done = await endPeriod(tx, territory.id, current.id, {
        endedBy: me.accountId,
        endedAt: now,
        endReason: reason,
        counts,
      })
      if (!done) return null
      await setCategoriesActive(tx, territory.id, closing, false, now)
      await setCrisisMode(tx, territory.id, null, now)
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'crisis.ended',
          targetId: current.id,
          details: { kind: current.kind, ...counts },
        },
        tx,
      )
      return { ...current, endedBy: me.accountId, endedAt: now, endReason: reason, counts }
    })
    this.#forgetCaches()
    if (!ended) return { kind: 'invalid', issues: [{ field: 'endReason', key: 'crisis.error.notOn' }] }
    return { kind: 'ended', period: ended }
  }

  /** What the crisis gathered: listings in its categories while it lasted, their responses, the asks met, the mass calls. */
  async #counts(
    tx: Parameters<typeof listingFigures>[0],
    territory: Territory,
    period: CrisisPeriod,
    now: Date,
  ) {
    const listings = await listingFigures(tx, territory.id, period.categoryIds, period.startedAt, now)
    const calls = await calloutFigures(tx, territory.id, period.id)
    const campaign = period.callCampaignId ? await callCampaignProgress(tx, period.callCampaignId, now) : null
    return {
      listings: listings.posted,
      responses: await responsesTo(tx, listings.ids),
      asksFulfilled: listings.asksFulfilled,
      callouts: calls.callouts,
      reached: calls.reached,
      peopleCalled: campaign ? campaign.reached + campaign.concern + campaign.needsHelp : 0,
      concerns: campaign?.concern ?? 0,
    }
  }

  /** The crisis under way, for pages that feature it (home, the callout form); no access check. */
  current(territory: Territory): Promise<CrisisPeriod | null> {
    return territory.crisisMode ? openPeriod(this.#db, territory.id) : Promise.resolve(null)
  }

  #forgetCaches() {
    this.services.categoryCache.forget()
    this.services.tenancy.forget()
  }
}

export type { CrisisKind }
