import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import { isLocale, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isUuid, ValidationError } from '../../platform/validation.ts'
import { accountCards } from '../accounts/index.ts'
import { listMembers } from './member.repository.ts'
import { managedOrganisation, roleIn } from './membership.repository.ts'
import {
  countByStatus,
  findOrganisation,
  listOrganisations,
  type Organisation,
  type OrganisationFilter,
  setStatusIf,
} from './organisation.repository.ts'
import { type OrganisationKind, organisationKinds } from './organisation.schema.ts'
import { checkReason, type Decision, decisions, isDecision } from './organisation.ts'
import { verificationDecided } from './organisation-review.ts'
import {
  delegatedKinds,
  exclusiveKinds,
  exclusivePartnerFor,
  organisationHistory,
  replaceDelegations,
} from './verification.repository.ts'
import { REASON_LABEL } from './views/labels.ts'

const auditAction = {
  verify: 'organisation.verified',
  refuse: 'organisation.refused',
  suspend: 'organisation.suspended',
  reinstate: 'organisation.reinstated',
} as const

export type DecisionResult = { kind: 'done' } | { kind: 'already-decided' }

const staffOf = (actor: Actor | null): Actor => {
  if (!actor || !can(actor, 'organisation:verify')) throw new HttpError(403, 'forbidden')
  return actor
}

/**
 * Verification of organisations: the territory's staff decide (verify, refuse, suspend,
 * reinstate), and so may a partner organisation for the kinds the territory delegates to it
 * (verify or refuse only). Each decision is audited and told to the managers by email.
 */
export class VerificationService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  async list(actor: Actor | null, territory: Territory, filter: OrganisationFilter) {
    staffOf(actor)
    const [counts, organisations] = await Promise.all([
      countByStatus(this.#db, territory.id),
      listOrganisations(this.#db, territory.id, filter, { limit: 200, offset: 0 }),
    ])
    return { counts, organisations }
  }

  /** The staff view of one organisation: its members by name and its history; reading it is audited. */
  async show(actor: Actor | null, territory: Territory, id: string) {
    const me = staffOf(actor)
    const organisation = isUuid(id) ? await findOrganisation(this.#db, territory.id, id) : null
    if (!organisation) throw notFound()
    await this.services.audit.record({
      territoryId: territory.id,
      actorId: me.accountId,
      action: 'organisation.history-read',
      targetId: organisation.id,
    })
    const [rows, history, delegated, exclusive, onlyPartner] = await Promise.all([
      listMembers(this.#db, organisation.id),
      organisationHistory(this.#db, territory.id, organisation.id),
      delegatedKinds(this.#db, territory.id, organisation.id),
      exclusiveKinds(this.#db, territory.id, organisation.id),
      this.#exclusivePartner(territory, organisation),
    ])
    const people = await accountCards(this.#db, [
      ...rows.map((r) => r.accountId),
      ...history.flatMap((h) => (h.actorId ? [h.actorId] : [])),
    ])
    const members = rows.map((r) => ({
      displayName: people.get(r.accountId)?.displayName ?? '',
      role: r.role,
    }))
    const entries = history.map((h) => ({
      ...h,
      actorName: h.actorId ? (people.get(h.actorId)?.displayName ?? null) : null,
    }))
    return { organisation, members, history: entries, delegated, exclusive, onlyPartner }
  }

  /** The partner that alone verifies this organisation's kind, by name; null when staff decide. */
  async #exclusivePartner(territory: Territory, organisation: Organisation) {
    const partnerId = await exclusivePartnerFor(this.#db, territory.id, organisation.kind, organisation.id)
    return partnerId ? await findOrganisation(this.#db, territory.id, partnerId) : null
  }

  /** A staff decision; a reason is required to refuse or suspend. */
  async decide(
    actor: Actor | null,
    territory: Territory,
    id: string,
    decision: string,
    reason: { code: string; text: string },
  ): Promise<DecisionResult> {
    const me = staffOf(actor)
    const organisation = isUuid(id) ? await findOrganisation(this.#db, territory.id, id) : null
    if (!organisation) throw notFound()
    // Where the territory left a kind to its partner alone (producers to the Chambre d'agriculture),
    // staff may still suspend or reinstate, but no longer verify nor refuse.
    if (decision === 'verify' || decision === 'refuse') {
      const partner = await this.#exclusivePartner(territory, organisation)
      if (partner)
        throw new ValidationError([
          { field: 'decision', key: 'organisation.decide.exclusive', params: { partner: partner.name } },
        ])
    }
    return this.#apply(me, territory, organisation, decision, reason, {})
  }

  /** The partner's managers, for the kinds delegated to it: the pending organisations they may decide on. */
  async partnerQueue(actor: Actor | null, territory: Territory, partnerId: string) {
    const { partner, kinds } = await this.#partner(actor, territory, partnerId)
    const pending =
      kinds.length === 0
        ? []
        : await listOrganisations(
            this.#db,
            territory.id,
            { status: 'pending', kinds },
            { limit: 200, offset: 0 },
          )
    return { partner, kinds, pending: pending.filter((o) => o.id !== partner.id) }
  }

  async partnerDecide(
    actor: Actor | null,
    territory: Territory,
    partnerId: string,
    id: string,
    decision: string,
    reason: { code: string; text: string },
  ): Promise<DecisionResult> {
    const { me, partner, kinds } = await this.#partner(actor, territory, partnerId)
    const organisation = isUuid(id) ? await findOrganisation(this.#db, territory.id, id) : null
    if (!organisation || organisation.id === partner.id || !kinds.includes(organisation.kind))
      throw notFound()
    if (decision !== 'verify' && decision !== 'refuse') throw notFound()
    return this.#apply(me, territory, organisation, decision, reason, {
      via: 'partner',
      partnerId: partner.id,
    })
  }

  /** An administrator sets the kinds a verified partner may verify (none: the delegation ends). */
  async delegate(
    actor: Actor | null,
    territory: Territory,
    partnerId: string,
    kinds: string[],
    exclusive: string[] = [],
  ): Promise<void> {
    if (!actor || !can(actor, 'organisation:delegate')) throw new HttpError(403, 'forbidden')
    const partner = isUuid(partnerId) ? await findOrganisation(this.#db, territory.id, partnerId) : null
    if (!partner) throw notFound()
    if (partner.kind !== 'partner' || partner.status !== 'verified')
      throw new ValidationError([{ field: 'kinds', key: 'organisation.delegation.notPartner' }])
    const chosen = [...new Set(kinds)]
    if (chosen.some((k) => !(organisationKinds as readonly string[]).includes(k)))
      throw new ValidationError([{ field: 'kinds', key: 'organisation.delegation.kinds' }])
    const now = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      await replaceDelegations(
        tx,
        { territoryId: territory.id, partnerId: partner.id, grantedBy: actor.accountId, grantedAt: now },
        chosen as OrganisationKind[],
        chosen.filter((k) => exclusive.includes(k)) as OrganisationKind[],
      )
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: actor.accountId,
          action: 'organisation.delegated',
          targetId: partner.id,
          details: {
            kinds: chosen.sort().join(','),
            exclusive: chosen.filter((k) => exclusive.includes(k)).join(','),
          },
        },
        tx,
      )
    })
  }

  async #partner(actor: Actor | null, territory: Territory, partnerId: string) {
    const me = signedIn(actor, 'organisations:write')
    const partner = isUuid(partnerId)
      ? await managedOrganisation(this.#db, territory.id, partnerId, me.accountId)
      : null
    if (!partner || partner.status !== 'verified') throw notFound()
    const kinds = await delegatedKinds(this.#db, territory.id, partner.id)
    if (kinds.length === 0) throw notFound()
    return { me, partner, kinds }
  }

  /**
   * The status changes only if it is still the one the decision starts from, so that two people
   * deciding at the same moment do not both apply theirs; the managers' mails go in the same
   * transaction.
   */
  async #apply(
    me: Actor,
    territory: Territory,
    organisation: Organisation,
    decision: string,
    reasonInput: { code: string; text: string },
    details: Record<string, string>,
  ): Promise<DecisionResult> {
    if (!isDecision(decision)) throw notFound()
    const rule = decisions[decision as Decision]
    const { value: reason, issues } = checkReason(decision, reasonInput.code, reasonInput.text)
    if (!reason) throw new ValidationError(issues)
    if (!(rule.from as readonly string[]).includes(organisation.status)) return { kind: 'already-decided' }
    // Nobody decides on an organisation they belong to: a producer never validates itself, even
    // through a partner its manager also runs.
    if (await roleIn(this.#db, organisation.id, me.accountId))
      throw new ValidationError([{ field: 'decision', key: 'organisation.decide.own' }])
    const fr = translator('fr')
    const statusReason =
      reason.code === null ? null : [fr(REASON_LABEL[reason.code]), reason.text].filter(Boolean).join(' : ')
    const now = this.services.clock.now()
    const managers = (await listMembers(this.#db, organisation.id)).filter((m) => m.role === 'manager')
    const cards = await accountCards(
      this.#db,
      managers.map((m) => m.accountId),
    )
    return this.#db.transaction(async (tx) => {
      const changed = await setStatusIf(tx, territory.id, organisation.id, rule.from, {
        status: rule.to,
        statusReason: rule.to === 'verified' ? null : statusReason,
        ...(decision === 'verify' ? { verifiedAt: now, verifiedBy: me.accountId } : {}),
        updatedAt: now,
      })
      if (!changed) return { kind: 'already-decided' as const }
      if (decision === 'verify' || decision === 'refuse')
        await verificationDecided(this.services, tx, organisation)
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: auditAction[decision],
          targetId: organisation.id,
          details: { ...details, ...(reason.code ? { reason: reason.code } : {}) },
        },
        tx,
      )
      for (const card of cards.values()) {
        await this.services.mailer.send({
          tx,
          territory,
          to: card.email,
          locale: isLocale(card.locale) ? card.locale : 'fr',
          template: 'organisation-decision',
          data: {
            organisation: organisation.name,
            decision,
            reason: rule.to === 'verified' ? '' : (statusReason ?? ''),
            link: `${territoryBaseUrl(this.services.config.publicUrl, territory)}/organisations/${organisation.id}`,
          },
        })
      }
      return { kind: 'done' as const }
    })
  }
}
