import type { Actor } from '../../platform/auth/actor.ts'
import { can } from '../../platform/auth/actor.ts'
import { verified } from '../../platform/auth/guards.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { forbidden, HttpError, notFound } from '../../platform/http/problem.ts'
import type { Translate } from '../../platform/i18n/i18n.ts'
import { formatPhone } from '../../platform/phone-numbers.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { accountCard } from '../accounts/index.ts'
import { checkPerson, findPeople, insertPerson, type PersonRow } from '../phone/index.ts'
import type { RegistrantKind } from './calls.schema.ts'
import { checkRegistration, type RegistrationInput, ticked } from './calls.ts'
import {
  findRegistration,
  insertRegistration,
  liveRegistrationsOfPerson,
  type RegistrationRow,
  registrationsOf,
  setStatus,
  withdrawRegistrations,
} from './registration.repository.ts'

/** What the three registration forms send; the relative's and the agent's name someone else. */
export interface RegisterInput extends RegistrationInput {
  firstName: unknown
  lastName: unknown
  phone: unknown
  commune: unknown
  /** self and relative: the box ticked under the consent text; agent: the wording read on the phone */
  consent: unknown
  consentWording: unknown
}

export type Registered = { kind: 'registered'; id: string } | { kind: 'invalid'; issues: Issue[] }

export interface MyRegistration {
  registration: RegistrationRow
  person: Pick<PersonRow, 'firstName' | 'lastName'> | null
}

/** Withdrawal of consent by the phone line (or here): what `endCallsOfPerson` runs in one transaction. */
export async function endCallsOfPerson(
  tx: DbOrTx,
  at: { territoryId: string; personId: string; at: Date; by?: string | null },
) {
  const live = await liveRegistrationsOfPerson(tx, at.territoryId, at.personId)
  return withdrawRegistrations(
    tx,
    at.territoryId,
    live.map((r) => r.id),
    at.by ?? null,
    at.at,
  )
}

/** The consent each kind of registrant gives, word for word as recorded. */
function consentOf(kind: RegistrantKind, input: RegisterInput, t: Translate, who: string): string {
  if (kind === 'agent') return typeof input.consentWording === 'string' ? input.consentWording : ''
  if (!ticked(input.consent)) return ''
  return kind === 'self'
    ? t('calls.register.consentSelf')
    : t('calls.register.consentRecorded', { name: who, statement: t('calls.register.consentRelative') })
}

/** Registering someone for regular calls, and their wish to pause, resume or withdraw. */
export class RegistrationService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** What the « for myself » form starts with: the phone and commune of one's profile. */
  async selfDefaults(actor: Actor | null, territory: Territory) {
    const me = verified(actor, 'calls:write')
    const card = await accountCard(this.#db, me.accountId)
    const commune = card ? await this.services.communes.find(territory, card.communeInsee) : null
    return {
      phone: card?.phone ? formatPhone(card.phone) : '',
      commune: commune ? `${commune.name} (${commune.postalCodes[0] ?? ''})` : '',
    }
  }

  async register(
    actor: Actor | null,
    territory: Territory,
    kind: RegistrantKind,
    input: RegisterInput,
    t: Translate,
  ): Promise<Registered> {
    const me = verified(actor, 'calls:write')
    if (kind === 'agent' && !can(me, 'phone:intake')) throw forbidden()
    const consentWording = consentOf(kind, input, t, me.displayName)
    const person = checkPerson({
      ...input,
      consentWording,
      address: '',
      callTimes: '',
      answeredBy: '',
      sharedContact: 'line',
    })
    const registration = checkRegistration(input)
    const issues = [
      ...person.issues.map((i) =>
        i.field === 'consentWording' && kind !== 'agent' ? { ...i, field: 'consent' } : i,
      ),
      ...registration.issues,
    ]
    const commune = await this.#commune(territory, input.commune, issues)
    if (issues.length > 0 || !commune) return { kind: 'invalid', issues }
    const now = this.services.clock.now()
    const personId = this.services.ids()
    const id = this.services.ids()
    const { mayorRegister, ...fields } = registration.fields
    await this.#db.transaction(async (tx) => {
      await insertPerson(tx, {
        ...person.fields,
        communeInsee: commune,
        id: personId,
        territoryId: territory.id,
        consentBy: me.accountId,
        accountId: kind === 'self' ? me.accountId : null,
        at: now,
      })
      await insertRegistration(tx, {
        ...fields,
        id,
        territoryId: territory.id,
        personId,
        registrantKind: kind,
        registeredBy: me.accountId,
        status: 'active',
        mayorRegisterWording: mayorRegister ? t('calls.register.mayorWording') : null,
        mayorRegisterAt: mayorRegister ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'calls.registered',
          targetId: id,
          details: { kind, mayorRegister },
        },
        tx,
      )
    })
    return { kind: 'registered', id }
  }

  async #commune(territory: Territory, raw: unknown, issues: Issue[]): Promise<string | null> {
    const typed = typeof raw === 'string' ? raw.trim() : ''
    if (typed === '') {
      issues.push({ field: 'commune', key: 'phone.error.communeRequired' })
      return null
    }
    const found = await this.services.communes.resolve(territory, typed)
    if (found.kind === 'one') return found.commune.insee
    issues.push({
      field: 'commune',
      key: found.kind === 'many' ? 'calls.error.communeMany' : 'calls.error.communeUnknown',
    })
    return null
  }

  /** The registrations one made, for oneself or a relative, with the person's name. */
  async mine(actor: Actor | null, territory: Territory): Promise<MyRegistration[]> {
    const me = verified(actor, 'calls:read')
    const rows = await registrationsOf(this.#db, territory.id, me.accountId, [])
    const people = await findPeople(
      this.#db,
      territory.id,
      rows.map((r) => r.personId),
    )
    return rows.map((registration) => ({ registration, person: people.get(registration.personId) ?? null }))
  }

  /** The registrant (the person or their relative) or a coordinator; anyone else: not found. */
  async #managed(actor: Actor | null, territory: Territory, id: string) {
    const me = verified(actor, 'calls:write')
    const row = isUuid(id) ? await findRegistration(this.#db, territory.id, id) : null
    if (!row || (row.registeredBy !== me.accountId && !can(me, 'calls:coordinate'))) throw notFound()
    return { me, row }
  }

  async pause(actor: Actor | null, territory: Territory, id: string) {
    const { row } = await this.#managed(actor, territory, id)
    const done = await setStatus(this.#db, row.id, 'active', 'paused', this.services.clock.now())
    if (!done) throw new HttpError(409, 'registration-status')
  }

  async resume(actor: Actor | null, territory: Territory, id: string) {
    const { row } = await this.#managed(actor, territory, id)
    const done = await setStatus(this.#db, row.id, 'paused', 'active', this.services.clock.now())
    if (!done) throw new HttpError(409, 'registration-status')
  }

  /** Consent withdrawn: out of the register, its pairing ended, out of every campaign queue, at once. */
  async withdraw(actor: Actor | null, territory: Territory, id: string) {
    const { me, row } = await this.#managed(actor, territory, id)
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      const done = await withdrawRegistrations(tx, territory.id, [row.id], me.accountId, at)
      if (done.withdrawn === 0) throw new HttpError(409, 'registration-status')
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'calls.withdrawn',
          targetId: row.id,
          details: { pairingsEnded: done.pairingsEnded, entriesRemoved: done.entriesRemoved },
        },
        tx,
      )
    })
  }
}
