import type { Actor } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { Commune } from '../../platform/geo/commune.ts'
import { HttpError } from '../../platform/http/problem.ts'
import { parsePhone } from '../../platform/phone-numbers.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { accountByEmail, normaliseEmail } from '../accounts/index.ts'
import { closeRelayedAsk } from '../listings/index.ts'
import { closeCaseRow, insertEvent, openCasesOfPersonForUpdate } from './case.repository.ts'
import { checkWithdrawal, type ViewReason } from './case.ts'
import {
  findPerson,
  insertPerson,
  markConsentWithdrawn,
  type PersonRow,
  peopleWithPhone,
  searchPeople,
  updatePerson,
} from './person.repository.ts'
import { checkPerson, type PersonInput } from './person.ts'
import { agent, idOrNotFound } from './phone-access.ts'

/**
 * What runs in the transaction of a consent's withdrawal besides the line's own closing: the calls
 * to isolated people end the registration, pairings and campaign entries of the person.
 */
export type ConsentWithdrawnHook = (
  tx: DbOrTx,
  event: { territoryId: string; personId: string; at: Date },
) => Promise<unknown>

export type PersonFormInput = PersonInput & { commune: unknown; confirmDuplicate?: boolean }

export type PersonSaveResult =
  | { kind: 'saved'; person: PersonRow }
  | {
      kind: 'invalid'
      issues: Issue[]
      choices: Commune[]
      /** records of the territory with the same number: the agent confirms it is someone else */
      duplicates: { id: string; firstName: string; lastName: string }[]
    }

const text = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : '')

/** People without an account: their record, its consent, who may read it, and every reading audited. */
export class PersonService {
  constructor(
    private readonly services: AppServices,
    private readonly hooks: readonly ConsentWithdrawnHook[] = [],
  ) {}

  get #db() {
    return this.services.database.db
  }

  /** The fields checked, the commune resolved, and the duplicate numbers found. */
  async #check(territory: Territory, input: PersonFormInput, exceptId?: string) {
    const { fields, issues } = checkPerson(input)
    let commune: Commune | null = null
    let choices: Commune[] = []
    const typed = text(input.commune)
    if (typed !== '') {
      const found = await this.services.communes.resolve(territory, typed)
      if (found.kind === 'one') commune = found.commune
      if (found.kind === 'many') choices = found.communes
    }
    if (!commune)
      issues.splice(3, 0, {
        field: 'commune',
        key: choices.length > 0 ? 'phone.error.communeChoose' : 'phone.error.communeRequired',
      })
    const duplicates =
      fields.phone && !input.confirmDuplicate
        ? await peopleWithPhone(this.#db, territory.id, fields.phone, exceptId)
        : []
    if (duplicates.length > 0 && issues.length === 0)
      issues.push({ field: 'confirmDuplicate', key: 'phone.error.duplicate' })
    return { fields, commune, choices, duplicates, issues }
  }

  /** A record and its consent, read to the person by the agent now; audited. */
  async create(actor: Actor | null, territory: Territory, input: PersonFormInput): Promise<PersonSaveResult> {
    const me = agent(actor)
    const checked = await this.#check(territory, input)
    if (checked.issues.length > 0 || !checked.commune)
      return {
        kind: 'invalid',
        issues: checked.issues,
        choices: checked.choices,
        duplicates: checked.duplicates,
      }
    const at = this.services.clock.now()
    const commune = checked.commune
    const person = await this.#db.transaction(async (tx) => {
      const row = await insertPerson(tx, {
        ...checked.fields,
        communeInsee: commune.insee,
        id: this.services.ids(),
        territoryId: territory.id,
        consentBy: me.accountId,
        accountId: null,
        at,
      })
      await this.#audit(tx, territory, me, 'phone.person-created', row.id)
      return row
    })
    return { kind: 'saved', person }
  }

  /** Changes what the agent typed; the consent read then stays as it was. */
  async edit(
    actor: Actor | null,
    territory: Territory,
    id: string,
    input: Omit<PersonFormInput, 'consentWording'>,
  ): Promise<PersonSaveResult> {
    const me = agent(actor)
    const current = await this.#live(territory, id)
    const checked = await this.#check(territory, { ...input, consentWording: current.consentWording }, id)
    if (checked.issues.length > 0 || !checked.commune)
      return {
        kind: 'invalid',
        issues: checked.issues,
        choices: checked.choices,
        duplicates: checked.duplicates,
      }
    const { consentWording: _kept, ...fields } = checked.fields
    const at = this.services.clock.now()
    const person = await this.#db.transaction(async (tx) => {
      const row = await updatePerson(tx, territory.id, current.id, {
        ...fields,
        communeInsee: checked.commune!.insee,
        updatedAt: at,
      })
      if (!row) throw new HttpError(404)
      await this.#audit(tx, territory, me, 'phone.person-changed', row.id)
      return row
    })
    return { kind: 'saved', person }
  }

  /** The record, for an agent who says why they open it: every reading is in the audit log. */
  async view(
    actor: Actor | null,
    territory: Territory,
    id: string,
    reason: ViewReason,
    via: 'record' | 'edit-form' = 'record',
  ): Promise<PersonRow> {
    const me = agent(actor)
    const person = await this.#live(territory, id)
    await this.#audit(this.#db, territory, me, 'phone.person-viewed', person.id, { reason, via })
    return person
  }

  /** The record for a form that shows none of its contacts (a new ask, a post's checks): not audited. */
  async forForm(actor: Actor | null, territory: Territory, id: string): Promise<PersonRow> {
    agent(actor)
    return this.#live(territory, id)
  }

  async #live(territory: Territory, id: string): Promise<PersonRow> {
    const person = await findPerson(this.#db, territory.id, idOrNotFound(id))
    if (!person) throw new HttpError(404)
    return person
  }

  /**
   * The person leaves every list at once: the record is marked, each open case closes with the
   * outcome « other », its relayed ask closes, and every hook registered for it runs, all in one
   * transaction, or nothing does.
   */
  async withdrawConsent(actor: Actor | null, territory: Territory, id: string, reasonInput: unknown) {
    const me = agent(actor)
    const { reason, issues } = checkWithdrawal(reasonInput)
    const person = await this.#live(territory, id)
    if (issues.length > 0) return { kind: 'invalid' as const, issues }
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      if (!(await markConsentWithdrawn(tx, territory.id, person.id, at))) throw new HttpError(404)
      for (const open of await openCasesOfPersonForUpdate(tx, territory.id, person.id)) {
        await closeCaseRow(tx, territory.id, open.id, { outcome: 'other', by: me.accountId, at })
        await insertEvent(tx, {
          id: this.services.ids(),
          territoryId: territory.id,
          caseId: open.id,
          kind: 'closed',
          note: null,
          by: me.accountId,
          at,
        })
        if (open.listingId) await closeRelayedAsk(tx, territory.id, open.listingId, at)
      }
      for (const hook of this.hooks) await hook(tx, { territoryId: territory.id, personId: person.id, at })
      await this.#audit(tx, territory, me, 'phone.consent-withdrawn', person.id, { reason })
    })
    return { kind: 'saved' as const }
  }

  /** Ties the record to the account the person opened, found by its address in this territory. */
  async linkAccount(actor: Actor | null, territory: Territory, id: string, emailInput: unknown) {
    const me = agent(actor)
    const person = await this.#live(territory, id)
    const email = normaliseEmail(text(emailInput).slice(0, 320))
    const account = email ? await accountByEmail(this.#db, email) : null
    if (!account || account.territoryId !== territory.id)
      return {
        kind: 'invalid' as const,
        issues: [{ field: 'email', key: 'phone.error.accountNotFound' } as Issue],
      }
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      const row = await updatePerson(tx, territory.id, person.id, { accountId: account.id, updatedAt: at })
      if (!row) throw new HttpError(404)
      await this.#audit(tx, territory, me, 'phone.person-linked', person.id)
    })
    return { kind: 'saved' as const }
  }

  /**
   * People by name, number and commune; the criteria come in a POST body, never in an address.
   * The list shows names and communes only: a number or an address shows on the audited record.
   */
  async search(
    actor: Actor | null,
    territory: Territory,
    input: { name: unknown; phone: unknown; commune: unknown },
  ) {
    agent(actor)
    const issues: Issue[] = []
    const name = text(input.name).normalize('NFC').replace(/\s+/g, ' ').toLowerCase()
    if (name.length > 80) issues.push({ field: 'name', key: 'phone.error.tooLong', params: { max: 80 } })
    const phoneText = text(input.phone)
    const parsed = parsePhone(phoneText)
    if (parsed.kind === 'invalid') issues.push({ field: 'phone', key: 'phone.error.phoneInvalid' })
    const communeText = text(input.commune)
    let communeInsee: string | null = null
    if (communeText !== '') {
      const found = await this.services.communes.resolve(territory, communeText)
      if (found.kind === 'one') communeInsee = found.commune.insee
      else issues.push({ field: 'searchCommune', key: 'phone.error.searchCommune' })
    }
    if (issues.length === 0 && name === '' && parsed.kind !== 'ok' && !communeInsee)
      issues.push({ field: 'name', key: 'phone.error.searchEmpty' })
    if (issues.length > 0) return { kind: 'invalid' as const, issues }
    const people = await searchPeople(this.#db, territory.id, {
      name: name || null,
      phone: parsed.kind === 'ok' ? parsed.e164 : null,
      communeInsee,
    })
    return { kind: 'found' as const, people }
  }

  #audit(
    tx: DbOrTx,
    territory: Territory,
    me: Actor,
    action:
      | 'phone.person-created'
      | 'phone.person-viewed'
      | 'phone.person-changed'
      | 'phone.consent-withdrawn'
      | 'phone.person-linked',
    personId: string,
    details?: Record<string, string>,
  ) {
    return this.services.audit.record(
      {
        territoryId: territory.id,
        actorId: me.accountId,
        action,
        targetId: personId,
        ...(details ? { details } : {}),
      },
      tx,
    )
  }
}
