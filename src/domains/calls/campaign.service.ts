import type { Actor } from '../../platform/auth/actor.ts'
import { can } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { findPeople, findPerson, type PersonRow } from '../phone/index.ts'
import { caseSummary, raiseAlert } from './alerts.ts'
import { requireCaller } from './caller.service.ts'
import { callerAccess } from './caller-access.ts'
import type { CallCampaignReason, EntryStatus } from './calls.schema.ts'
import { checkCampaign, checkOutcome, LEASE_MS, RETRY_MS } from './calls.ts'
import {
  type CampaignProgress,
  type CampaignRow,
  claimNext,
  type EntryRow,
  endCampaign,
  findCampaign,
  findEntry,
  heldEntry,
  insertCampaign,
  insertEntries,
  nextRetryAt,
  progressOf,
  settleEntry,
} from './campaign.repository.ts'
import { coordinator } from './pairing.service.ts'
import { activeRegistrations, findRegistration, insertLog } from './registration.repository.ts'

export interface CampaignStart {
  title: string
  reason: CallCampaignReason
  /** null: every active registration of the territory */
  communeInsee: string | null
}

/**
 * Starts a campaign over the active register (or one commune of it), its queue written in the same
 * transaction: crisis mode calls this when an administrator switches a crisis on.
 */
export async function startCallCampaign(
  services: AppServices,
  actor: Actor | null,
  territory: Territory,
  start: CampaignStart,
): Promise<{ id: string; people: number }> {
  const me = coordinator(actor)
  const db = services.database.db
  const now = services.clock.now()
  const id = services.ids()
  let people = 0
  await db.transaction(async (tx) => {
    let registrations = await activeRegistrations(tx, territory.id)
    if (start.communeInsee) {
      const records = await findPeople(
        tx,
        territory.id,
        registrations.map((r) => r.personId),
      )
      registrations = registrations.filter(
        (r) => records.get(r.personId)?.communeInsee === start.communeInsee,
      )
    }
    people = registrations.length
    await insertCampaign(tx, {
      id,
      territoryId: territory.id,
      title: start.title,
      reason: start.reason,
      communeInsee: start.communeInsee,
      status: 'running',
      startedBy: me.accountId,
      startedAt: now,
    })
    await insertEntries(
      tx,
      registrations.map((r) => ({
        id: services.ids(),
        territoryId: territory.id,
        campaignId: id,
        registrationId: r.id,
        status: 'waiting' as const,
        updatedAt: now,
      })),
    )
    await services.audit.record(
      {
        territoryId: territory.id,
        actorId: me.accountId,
        action: 'calls.campaign-started',
        targetId: id,
        details: { reason: start.reason, people },
      },
      tx,
    )
  })
  return { id, people }
}

export interface CampaignView {
  campaign: CampaignRow
  progress: CampaignProgress
  /** how the viewer takes part: coordinators manage, callers call (a coordinator may be both) */
  coordinator: boolean
  caller: boolean
  held: EntryRow | null
  nextRetryAt: Date | null
}

/** Call campaigns: the shared queue callers take the next person from, with a lease. */
export class CampaignService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  async start(
    actor: Actor | null,
    territory: Territory,
    input: { title?: unknown; reason?: unknown; commune?: unknown },
  ): Promise<{ kind: 'started'; id: string } | { kind: 'invalid'; issues: Issue[] }> {
    coordinator(actor)
    const { fields, issues } = checkCampaign(input)
    const typed = typeof input.commune === 'string' ? input.commune.trim() : ''
    let communeInsee: string | null = null
    if (typed !== '') {
      const found = await this.services.communes.resolve(territory, typed)
      if (found.kind === 'one') communeInsee = found.commune.insee
      else
        issues.push({
          field: 'commune',
          key: found.kind === 'many' ? 'calls.error.communeMany' : 'calls.error.communeUnknown',
        })
    }
    if (issues.length > 0) return { kind: 'invalid', issues }
    const { id } = await startCallCampaign(this.services, actor, territory, { ...fields, communeInsee })
    return { kind: 'started', id }
  }

  /** Coordinators and callers whose verification holds; anyone else: not found. */
  async #viewer(actor: Actor | null, territory: Territory, id: string) {
    const me = signedIn(actor, 'calls:read')
    const isCoordinator = can(me, 'calls:coordinate')
    const access = await callerAccess(this.services, me, territory)
    if (!isCoordinator && access.kind !== 'caller') {
      if (access.kind === 'lapsed') throw new HttpError(403, 'caller-lapsed')
      throw notFound()
    }
    const campaign = isUuid(id) ? await findCampaign(this.#db, territory.id, id) : null
    if (!campaign) throw notFound()
    return { me, campaign, isCoordinator, isCaller: access.kind === 'caller' }
  }

  async view(actor: Actor | null, territory: Territory, id: string): Promise<CampaignView> {
    const { me, campaign, isCoordinator, isCaller } = await this.#viewer(actor, territory, id)
    const now = this.services.clock.now()
    const [progress, held, retry] = await Promise.all([
      progressOf(this.#db, campaign.id, now),
      isCaller ? heldEntry(this.#db, campaign.id, me.accountId, now) : null,
      nextRetryAt(this.#db, campaign.id),
    ])
    return { campaign, progress, coordinator: isCoordinator, caller: isCaller, held, nextRetryAt: retry }
  }

  /** « Personne suivante »: the person one already holds, or the next of the queue; null when none is due. */
  async next(actor: Actor | null, territory: Territory, id: string): Promise<EntryRow | null> {
    const { me } = await requireCaller(this.services, actor, territory)
    const campaign = isUuid(id) ? await findCampaign(this.#db, territory.id, id) : null
    if (!campaign) throw notFound()
    if (campaign.status !== 'running') throw new HttpError(409, 'campaign-ended')
    const now = this.services.clock.now()
    const held = await heldEntry(this.#db, campaign.id, me.accountId, now)
    if (held) return held
    return claimNext(this.#db, {
      campaignId: campaign.id,
      accountId: me.accountId,
      now,
      leaseUntil: new Date(now.getTime() + LEASE_MS),
    })
  }

  /** The entry this caller holds, if they still hold it; else « not found » (taken over, or withdrawn). */
  async #held(actor: Actor | null, territory: Territory, campaignId: string, entryId: string) {
    const { me } = await requireCaller(this.services, actor, territory)
    const campaign = isUuid(campaignId) ? await findCampaign(this.#db, territory.id, campaignId) : null
    const entry =
      campaign && isUuid(entryId) ? await findEntry(this.#db, territory.id, campaign.id, entryId) : null
    if (!campaign || !entry || entry.status !== 'claimed' || entry.claimedBy !== me.accountId)
      throw notFound()
    const registration = await this.#registration(territory, entry.registrationId)
    if (!registration) throw notFound()
    return { me, campaign, entry, person: registration.person }
  }

  async #registration(territory: Territory, registrationId: string) {
    const registration = await findRegistration(this.#db, territory.id, registrationId)
    const person = registration ? await findPerson(this.#db, territory.id, registration.personId) : null
    return registration && person ? { registration, person } : null
  }

  /** The person to call, with their phone: each showing is written to the audit log. */
  async card(
    actor: Actor | null,
    territory: Territory,
    campaignId: string,
    entryId: string,
  ): Promise<{ campaign: CampaignRow; entry: EntryRow; person: PersonRow }> {
    const { me, campaign, entry, person } = await this.#held(actor, territory, campaignId, entryId)
    await this.services.audit.record({
      territoryId: territory.id,
      actorId: me.accountId,
      action: 'calls.phone-revealed',
      targetId: person.id,
      details: { why: 'campagne', campaignId: campaign.id },
    })
    return { campaign, entry, person }
  }

  /**
   * The outcome of a campaign call. « Pas de réponse » puts the person back in the queue for half
   * an hour later, until the campaign's last attempt: then they are unreachable and the agents are
   * alerted. Everything in one transaction, written only while the caller still holds the person.
   */
  async outcome(
    actor: Actor | null,
    territory: Territory,
    campaignId: string,
    entryId: string,
    input: { outcome?: unknown; note?: unknown },
  ): Promise<{ kind: 'logged'; status: EntryStatus } | { kind: 'invalid'; issues: Issue[] }> {
    const { me, campaign, entry, person } = await this.#held(actor, territory, campaignId, entryId)
    const { outcome, note, issues } = checkOutcome(input)
    if (!outcome || issues.length > 0) return { kind: 'invalid', issues }
    const now = this.services.clock.now()
    const attempts = entry.attempts + 1
    const status: EntryStatus =
      outcome === 'ok'
        ? 'reached'
        : outcome === 'no-answer'
          ? attempts >= campaign.maxAttempts
            ? 'unreachable'
            : 'waiting'
          : outcome
    return this.#db.transaction(async (tx) => {
      const settled = await settleEntry(tx, entry.id, me.accountId, {
        status,
        retryAt: status === 'waiting' ? new Date(now.getTime() + RETRY_MS) : null,
        now,
      })
      if (!settled) throw new HttpError(409, 'entry-taken')
      const alert = (origin: 'needs-help' | 'concern' | 'unanswered') =>
        raiseAlert(this.services, tx, territory, {
          person,
          origin,
          summary: caseSummary(origin, note, attempts),
          by: me.accountId,
          at: now,
        })
      const caseId =
        status === 'concern' || status === 'needs-help'
          ? await alert(status)
          : status === 'unreachable'
            ? await alert('unanswered')
            : null
      await insertLog(
        tx,
        {
          id: this.services.ids(),
          territoryId: territory.id,
          registrationId: entry.registrationId,
          callerAccountId: me.accountId,
          campaignId: campaign.id,
          outcome,
          note,
          caseId,
          calledAt: now,
        },
        person.communeInsee,
      )
      return { kind: 'logged' as const, status }
    })
  }

  async end(actor: Actor | null, territory: Territory, id: string, how: 'stopped' | 'finished') {
    const me = coordinator(actor)
    const campaign = isUuid(id) ? await findCampaign(this.#db, territory.id, id) : null
    if (!campaign) throw notFound()
    await this.#db.transaction(async (tx) => {
      const ended = await endCampaign(tx, campaign.id, how, this.services.clock.now())
      if (!ended) throw new HttpError(409, 'campaign-ended')
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'calls.campaign-ended',
          targetId: campaign.id,
          details: { how },
        },
        tx,
      )
    })
  }
}
