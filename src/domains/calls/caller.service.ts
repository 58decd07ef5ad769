import type { Actor } from '../../platform/auth/actor.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { findPeople, findPerson, type PersonRow } from '../phone/index.ts'
import { caseSummary, raiseAlert } from './alerts.ts'
import { type CallerRow, upsertCaller } from './caller.repository.ts'
import { type CallerAccess, callerAccess } from './caller-access.ts'
import type { CallOutcome } from './calls.schema.ts'
import { type CallerInput, checkCaller, checkOutcome, UNANSWERED_ALERT } from './calls.ts'
import { type CampaignRow, campaignsOf } from './campaign.repository.ts'
import {
  type CallLogRow,
  countCall,
  findRegistration,
  insertLog,
  livePairings,
  type RegistrationRow,
  recentLogs,
} from './registration.repository.ts'

/** A caller's access, or a 403 whose reason the caller's pages explain in words. */
export async function requireCaller(services: AppServices, actor: Actor | null, territory: Territory) {
  const access = await callerAccess(services, actor, territory)
  if (access.kind !== 'caller') throw new HttpError(403, `caller-${access.kind}`)
  return access
}

export interface PairedPerson {
  registration: RegistrationRow
  person: PersonRow
}

export type CallerSaved = { kind: 'saved'; caller: CallerRow } | { kind: 'invalid'; issues: Issue[] }

/** A verified volunteer's side of the calls: signing up, the people paired with them, each call. */
export class CallerService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  access(actor: Actor | null, territory: Territory): Promise<CallerAccess> {
    return callerAccess(this.services, actor, territory)
  }

  /** Signs up or changes one's answers; only a volunteer whose verification holds now may. */
  async signUp(actor: Actor | null, territory: Territory, input: CallerInput): Promise<CallerSaved> {
    const access = await callerAccess(this.services, actor, territory)
    if (access.kind === 'unverified' || access.kind === 'lapsed')
      throw new HttpError(403, `caller-${access.kind}`)
    const { fields, issues } = checkCaller(input)
    const communes: string[] = []
    for (const typed of fields.communes) {
      const found = await this.services.communes.resolve(territory, typed)
      if (found.kind === 'one') communes.push(found.commune.insee)
      else {
        issues.push({
          field: 'communes',
          key: 'calls.error.callerCommune',
          params: { commune: typed.slice(0, 60) },
        })
        break
      }
    }
    if (issues.length > 0) return { kind: 'invalid', issues }
    const now = this.services.clock.now()
    const caller = await upsertCaller(this.#db, {
      id: this.services.ids(),
      territoryId: territory.id,
      accountId: access.me.accountId,
      languages: fields.languages,
      communes: [...new Set(communes)],
      availability: fields.availability,
      capacity: fields.capacity,
      active: true,
      createdAt: now,
      updatedAt: now,
    })
    return { kind: 'saved', caller }
  }

  /** The campaigns a caller may work now. */
  async runningCampaigns(actor: Actor | null, territory: Territory): Promise<CampaignRow[]> {
    await requireCaller(this.services, actor, territory)
    return (await campaignsOf(this.#db, territory.id)).filter((c) => c.status === 'running')
  }

  /** The people paired with the caller now, by name and commune; their phone is on each one's card. */
  async myPeople(actor: Actor | null, territory: Territory): Promise<PairedPerson[]> {
    const { caller } = await requireCaller(this.services, actor, territory)
    const pairings = await livePairings(this.#db, territory.id, [caller.id])
    const rows = (
      await Promise.all(pairings.map((p) => findRegistration(this.#db, territory.id, p.registrationId)))
    ).flatMap((r) => (r ? [r] : []))
    const people = await findPeople(
      this.#db,
      territory.id,
      rows.map((r) => r.personId),
    )
    return rows.flatMap((registration) => {
      const person = people.get(registration.personId)
      return person ? [{ registration, person }] : []
    })
  }

  /** The registration, if paired with this caller right now; anyone else is told « not found ». */
  async #paired(actor: Actor | null, territory: Territory, registrationId: string) {
    const access = await requireCaller(this.services, actor, territory)
    const registration = isUuid(registrationId)
      ? await findRegistration(this.#db, territory.id, registrationId)
      : null
    const pairing = registration
      ? (await livePairings(this.#db, territory.id, [access.caller.id])).find(
          (p) => p.registrationId === registration.id,
        )
      : undefined
    const person =
      registration && pairing ? await findPerson(this.#db, territory.id, registration.personId) : null
    if (!registration || !pairing || !person) throw notFound()
    return { ...access, registration, person }
  }

  /** Opens the person's card with their phone: each opening is written to the audit log. */
  async card(
    actor: Actor | null,
    territory: Territory,
    registrationId: string,
  ): Promise<PairedPerson & { logs: CallLogRow[] }> {
    const { me, registration, person } = await this.#paired(actor, territory, registrationId)
    await this.services.audit.record({
      territoryId: territory.id,
      actorId: me.accountId,
      action: 'calls.phone-revealed',
      targetId: person.id,
      details: { why: 'appel régulier', registrationId: registration.id },
    })
    return { registration, person, logs: await recentLogs(this.#db, registration.id) }
  }

  /**
   * One tap after the call. « Besoin d'aide » and « inquiétude » open a case on the phone line's
   * queue (an inquiétude mails the agents too); the third « pas de réponse » in a row does the same
   * as an inquiétude; all in the transaction that writes the call.
   */
  async logCall(
    actor: Actor | null,
    territory: Territory,
    registrationId: string,
    input: { outcome?: unknown; note?: unknown },
  ): Promise<
    { kind: 'logged'; outcome: CallOutcome; alerted: boolean } | { kind: 'invalid'; issues: Issue[] }
  > {
    const { me, registration, person } = await this.#paired(actor, territory, registrationId)
    const { outcome, note, issues } = checkOutcome(input)
    if (!outcome || issues.length > 0) return { kind: 'invalid', issues }
    const at = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const streak = await countCall(tx, registration.id, outcome, at)
      let caseId: string | null = null
      const alert = (origin: 'needs-help' | 'concern' | 'unanswered', summary: string) =>
        raiseAlert(this.services, tx, territory, { person, origin, summary, by: me.accountId, at })
      if (outcome === 'needs-help') caseId = await alert('needs-help', caseSummary('needs-help', note))
      if (outcome === 'concern') caseId = await alert('concern', caseSummary('concern', note))
      if (outcome === 'no-answer' && streak === UNANSWERED_ALERT)
        caseId = await alert('unanswered', caseSummary('unanswered', note))
      await insertLog(
        tx,
        {
          id: this.services.ids(),
          territoryId: territory.id,
          registrationId: registration.id,
          callerAccountId: me.accountId,
          campaignId: null,
          outcome,
          note,
          caseId,
          calledAt: at,
        },
        person.communeInsee,
      )
      return { kind: 'logged' as const, outcome, alerted: caseId !== null }
    })
  }
}
