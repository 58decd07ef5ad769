import type { Actor } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HttpError } from '../../platform/http/problem.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import { isMobilePhone } from '../../platform/phone-numbers.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { clearSmsConsentOfPhone, findPerson, type PersonRow, setSmsConsent } from './person.repository.ts'
import { CONSENT_MAX } from './person.ts'
import { agent, idOrNotFound } from './phone-access.ts'

const MARK = '\u0000'

/**
 * A caller's agreement to SMS about their cases, recorded by the agent who read them its wording,
 * and the one SMS the line sends: a volunteer was found. A « STOP » clears the agreement.
 */
export class PersonSmsService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /**
   * Records the agreement (wording, moment, agent) and lifts a « STOP » the number answered
   * before: the person says yes again. A number that is not a mobile cannot take an SMS.
   */
  async recordConsent(actor: Actor | null, territory: Territory, id: string, wordingInput: unknown) {
    const me = agent(actor)
    const person = await this.#live(territory, id)
    const wording = typeof wordingInput === 'string' ? wordingInput.normalize('NFC').trim() : ''
    const issues: Issue[] = []
    if (!isMobilePhone(person.phone)) issues.push({ field: 'smsConsentWording', key: 'phone.sms.notMobile' })
    else if (wording === '') issues.push({ field: 'smsConsentWording', key: 'phone.sms.wordingRequired' })
    else if (wording.length > CONSENT_MAX)
      issues.push({ field: 'smsConsentWording', key: 'phone.error.tooLong', params: { max: CONSENT_MAX } })
    if (issues.length > 0) return { kind: 'invalid' as const, issues }
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      if (!(await setSmsConsent(tx, territory.id, person.id, { wording, at, by: me.accountId }, at)))
        throw new HttpError(404)
      await this.services.sms.resume(tx, territory.id, person.phone)
      await this.#audit(tx, territory, me, person.id, 'given')
    })
    return { kind: 'saved' as const }
  }

  /** The person no longer wants SMS (said on the phone): none is sent to them from now on. */
  async withdrawConsent(actor: Actor | null, territory: Territory, id: string) {
    const me = agent(actor)
    const person = await this.#live(territory, id)
    const at = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      if (!(await setSmsConsent(tx, territory.id, person.id, null, at))) throw new HttpError(404)
      await this.#audit(tx, territory, me, person.id, 'withdrawn')
    })
  }

  async #live(territory: Territory, id: string): Promise<PersonRow> {
    const person = await findPerson(this.#db, territory.id, idOrNotFound(id))
    if (!person) throw new HttpError(404)
    return person
  }

  #audit(tx: DbOrTx, territory: Territory, me: Actor, personId: string, change: 'given' | 'withdrawn') {
    return this.services.audit.record(
      {
        territoryId: territory.id,
        actorId: me.accountId,
        action: 'phone.sms-consent',
        targetId: personId,
        details: { change },
      },
      tx,
    )
  }
}

/** In the transaction of a « STOP »: the territory's people with that number get no more SMS. */
export function clearPeopleSmsConsent(
  tx: DbOrTx,
  event: { territoryId: string; phone: string; at: Date },
): Promise<void> {
  return clearSmsConsentOfPhone(tx, event.territoryId, event.phone, event.at)
}

/**
 * « Un bénévole va vous appeler »: what a caller most needs to hear, sent when the agent accepts
 * a volunteer for them, to a person who agreed to SMS. It names no one: the ask's title only, and
 * who will call (the volunteer, or the line when the person keeps their number to themselves).
 */
export async function smsVolunteerFound(
  services: AppServices,
  tx: DbOrTx,
  territory: Territory,
  person: PersonRow,
  title: string,
): Promise<void> {
  if (person.smsConsentAt === null || !services.sms.enabled) return
  const t = translator('fr')
  const key = person.sharedContact === 'own-phone' ? 'phone.sms.found.own' : 'phone.sms.found.line'
  const [head = '', tail = ''] = t(key, { platform: territory.platformName, title: MARK }).split(MARK)
  await services.sms.send({
    tx,
    territory,
    to: person.phone,
    locale: 'fr',
    purpose: 'phone-case',
    text: { before: head, variable: title, after: tail },
  })
}
