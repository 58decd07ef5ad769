import type { Actor } from '../../platform/auth/actor.ts'
import { can } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { forbidden, HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { type AccountCard, accountCards } from '../accounts/index.ts'
import { findPeople, type PersonRow } from '../phone/index.ts'
import { isVerifiedVolunteer } from '../volunteers/index.ts'
import { activeCallers, type CallerRow, findCaller } from './caller.repository.ts'
import { checkEndReason } from './calls.ts'
import { type CampaignRow, campaignsOf } from './campaign.repository.ts'
import { type CallerCandidate, type Proposal, rankCallers } from './proposal.ts'
import {
  endPairing,
  findPairing,
  findRegistration,
  insertPairing,
  livePairingOf,
  livePairings,
  type PairingRow,
  type RegistrationRow,
  unpairedRegistrations,
} from './registration.repository.ts'

/** The first line of every coordinator's use case. */
export function coordinator(actor: Actor | null): Actor {
  const me = signedIn(actor, 'calls:read')
  if (!can(me, 'calls:coordinate')) throw forbidden()
  return me
}

export interface CallerLine {
  caller: CallerRow
  account: AccountCard | null
  load: number
}

export interface CoordinationView {
  unpaired: { registration: RegistrationRow; person: PersonRow; proposals: Proposal[] }[]
  callers: CallerLine[]
  pairings: { pairing: PairingRow; person: PersonRow | null; caller: string }[]
  campaigns: CampaignRow[]
}

/** The coordinators' side: who waits for a caller, who can take more, pairing and ending pairings. */
export class PairingService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** Active callers whose verification holds now, with their load; the others cannot be paired. */
  async #callers(territory: Territory): Promise<CallerLine[]> {
    const now = this.services.clock.now()
    const all = await activeCallers(this.#db, territory.id)
    const current = (
      await Promise.all(
        all.map(async (c) =>
          (await isVerifiedVolunteer(this.#db, territory.id, c.accountId, now)) ? c : null,
        ),
      )
    ).flatMap((c) => (c ? [c] : []))
    const pairings = await livePairings(this.#db, territory.id)
    const accounts = await accountCards(
      this.#db,
      current.map((c) => c.accountId),
    )
    return current.map((caller) => ({
      caller,
      account: accounts.get(caller.accountId) ?? null,
      load: pairings.filter((p) => p.callerId === caller.id).length,
    }))
  }

  async overview(actor: Actor | null, territory: Territory): Promise<CoordinationView> {
    coordinator(actor)
    const [registrations, callers, pairings, campaigns] = await Promise.all([
      unpairedRegistrations(this.#db, territory.id),
      this.#callers(territory),
      livePairings(this.#db, territory.id),
      campaignsOf(this.#db, territory.id),
    ])
    const pairedRegistrations = await Promise.all(
      pairings.map((p) => findRegistration(this.#db, territory.id, p.registrationId)),
    )
    const people = await findPeople(this.#db, territory.id, [
      ...registrations.map((r) => r.personId),
      ...pairedRegistrations.flatMap((r) => (r ? [r.personId] : [])),
    ])
    const unpaired = []
    for (const registration of registrations) {
      const person = people.get(registration.personId)
      if (!person) continue
      const candidates: CallerCandidate[] = await Promise.all(
        callers.map(async ({ caller, account, load }) => ({
          id: caller.id,
          name: account?.displayName ?? '',
          communes: caller.communes,
          languages: caller.languages,
          availability: caller.availability,
          capacity: caller.capacity,
          load,
          distanceKm: await this.#distance(territory, person.communeInsee, caller, account),
        })),
      )
      const proposals = rankCallers(
        {
          communeInsee: person.communeInsee,
          language: registration.language,
          preferredTimes: registration.preferredTimes,
        },
        candidates,
      ).slice(0, 3)
      unpaired.push({ registration, person, proposals })
    }
    const names = new Map(callers.map((c) => [c.caller.id, c.account?.displayName ?? '']))
    return {
      unpaired,
      callers,
      pairings: pairings.map((pairing, i) => ({
        pairing,
        person: people.get(pairedRegistrations[i]?.personId ?? '') ?? null,
        caller: names.get(pairing.callerId) ?? '',
      })),
      campaigns,
    }
  }

  /** From the nearest of the caller's communes (their home commune when they named none). */
  async #distance(territory: Territory, insee: string, caller: CallerRow, account: AccountCard | null) {
    const from = caller.communes.length > 0 ? caller.communes : account ? [account.communeInsee] : []
    const km = await Promise.all(from.map((c) => this.services.communes.distanceKm(territory, c, insee)))
    const known = km.filter((d): d is number => d !== null)
    return known.length > 0 ? Math.min(...known) : null
  }

  async pair(actor: Actor | null, territory: Territory, registrationId: string, callerId: string) {
    const me = coordinator(actor)
    const registration = isUuid(registrationId)
      ? await findRegistration(this.#db, territory.id, registrationId)
      : null
    const caller = isUuid(callerId) ? await findCaller(this.#db, territory.id, callerId) : null
    if (!registration || registration.status !== 'active') throw notFound()
    const line = caller ? (await this.#callers(territory)).find((c) => c.caller.id === caller.id) : undefined
    if (!line) throw new HttpError(409, 'caller-unavailable')
    if (line.load >= line.caller.capacity) throw new HttpError(409, 'caller-full')
    const now = this.services.clock.now()
    const id = this.services.ids()
    await this.#db.transaction(async (tx) => {
      if (await livePairingOf(tx, registration.id)) throw new HttpError(409, 'already-paired')
      await insertPairing(tx, {
        id,
        territoryId: territory.id,
        registrationId: registration.id,
        callerId: line.caller.id,
        pairedBy: me.accountId,
        pairedAt: now,
      })
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'calls.paired',
          targetId: registration.id,
          details: { callerId: line.caller.id, pairingId: id },
        },
        tx,
      )
    })
    return id
  }

  async unpair(
    actor: Actor | null,
    territory: Territory,
    pairingId: string,
    rawReason: unknown,
  ): Promise<{ kind: 'ended' } | { kind: 'invalid'; issues: Issue[] }> {
    const me = coordinator(actor)
    const pairing = isUuid(pairingId) ? await findPairing(this.#db, territory.id, pairingId) : null
    if (!pairing || pairing.endedAt) throw notFound()
    const { reason, issues } = checkEndReason(rawReason)
    if (issues.length > 0) return { kind: 'invalid', issues }
    await this.#db.transaction(async (tx) => {
      const ended = await endPairing(tx, pairing.id, me.accountId, reason, this.services.clock.now())
      if (!ended) throw new HttpError(409, 'pairing-ended')
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'calls.unpaired',
          targetId: pairing.registrationId,
          details: { callerId: pairing.callerId, pairingId: pairing.id },
        },
        tx,
      )
    })
    return { kind: 'ended' }
  }
}
