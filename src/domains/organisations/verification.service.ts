import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isUuid, ValidationError } from '../../platform/validation.ts'
import { accountCards } from '../accounts/index.ts'
import { listMembers } from './member.repository.ts'
import { managedOrganisation } from './membership.repository.ts'
import {
  countByStatus,
  findOrganisation,
  listOrganisations,
  type Organisation,
  type OrganisationFilter,
} from './organisation.repository.ts'
import { type OrganisationKind, organisationKinds } from './organisation.schema.ts'
import { checkReason, isDecision } from './organisation.ts'
import { applyOrganisationDecision, type DecisionResult } from './organisation-decision.ts'

export type { DecisionResult }

import {
  delegatedKinds,
  exclusiveKinds,
  exclusivePartnerFor,
  organisationHistory,
  replaceDelegations,
} from './verification.repository.ts'

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

  /** The reason checked, then the decision applied in its own transaction (see `applyOrganisationDecision`). */
  async #apply(
    me: Actor,
    territory: Territory,
    organisation: Organisation,
    decision: string,
    reasonInput: { code: string; text: string },
    details: Record<string, string>,
  ): Promise<DecisionResult> {
    if (!isDecision(decision)) throw notFound()
    const { value: reason, issues } = checkReason(decision, reasonInput.code, reasonInput.text)
    if (!reason) throw new ValidationError(issues)
    const result = await this.#db.transaction((tx) =>
      applyOrganisationDecision(this.services, tx, {
        territory,
        organisation,
        actorId: me.accountId,
        decision,
        reason,
        details,
      }),
    )
    if (result.kind === 'own')
      throw new ValidationError([{ field: 'decision', key: 'organisation.decide.own' }])
    return result
  }
}
