import { type Actor, can } from '../../platform/auth/actor.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import {
  type CurrentVerification,
  currentVerifications,
  territoryAccountByEmail,
} from './current-verifications.ts'
import { endVerifications, insertVerification } from './volunteer.repository.ts'
import { checkVerification, type VerificationInput } from './volunteer.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type VerifyResult =
  | { kind: 'saved'; displayName: string; lastDay: string }
  | { kind: 'invalid'; issues: Issue[] }

const verifier = (actor: Actor | null): Actor => {
  if (!actor || !can(actor, 'volunteer:verify')) throw new HttpError(403, 'forbidden')
  return actor
}

/**
 * Verified volunteers: staff (or an operator at the command line) record that they checked a
 * person for the categories that need it (childcare, home visits), until a date.
 */
export class VolunteerService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  current(actor: Actor | null, territory: Territory): Promise<CurrentVerification[]> {
    verifier(actor)
    return currentVerifications(this.#db, territory.id, this.services.clock.now())
  }

  verify(actor: Actor | null, territory: Territory, input: VerificationInput): Promise<VerifyResult> {
    const me = verifier(actor)
    return this.#verify(me.accountId, territory, input)
  }

  /** Ends one verification of this territory; 404 when it is not one that holds now. */
  async revoke(actor: Actor | null, territory: Territory, id: string): Promise<void> {
    const me = verifier(actor)
    if (!UUID.test(id)) throw notFound()
    const ended = await this.#end(me.accountId, territory, { id })
    if (ended === 0) throw notFound()
  }

  /** `entraide volunteer verify`: the operator is the one who checked; no account is named as verifier. */
  fromCommandLine(territory: Territory, input: VerificationInput): Promise<VerifyResult> {
    return this.#verify(null, territory, input)
  }

  /** `entraide volunteer revoke`: every verification of that person in the territory; how many ended. */
  async revokeFromCommandLine(territory: Territory, email: string): Promise<number | null> {
    const account = await territoryAccountByEmail(this.#db, territory.id, email)
    if (!account) return null
    return this.#end(null, territory, { accountId: account.id })
  }

  /**
   * A new verification replaces the one that holds (its row is ended, then kept): the list shows
   * one line per person, and who verified whom stays on record.
   */
  async #verify(by: string | null, territory: Territory, input: VerificationInput): Promise<VerifyResult> {
    const now = this.services.clock.now()
    const { value, issues } = checkVerification(input, now)
    const account = value ? await territoryAccountByEmail(this.#db, territory.id, value.email) : null
    if (value && !account)
      issues.push({
        field: 'email',
        key: 'volunteer.email.notFound',
        params: { platform: territory.platformName },
      })
    else if (account && account.status !== 'active')
      issues.push({ field: 'email', key: 'volunteer.email.suspended' })
    if (!value || !account || issues.length > 0) return { kind: 'invalid', issues }
    await this.#db.transaction(async (tx) => {
      const replaced = await endVerifications(tx, territory.id, { accountId: account.id }, by, now)
      await insertVerification(tx, {
        id: this.services.ids(),
        territoryId: territory.id,
        accountId: account.id,
        verifiedBy: by,
        verifiedAt: now,
        expiresAt: value.expiresAt,
        note: value.note,
      })
      // Ids and dates only: the note may say what was checked, and stays out of the log.
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: by,
          action: 'volunteer.verified',
          targetId: account.id,
          details: {
            until: value.lastDay,
            ...(replaced.length > 0 ? { renewed: true } : {}),
            ...(by === null ? { via: 'command-line' } : {}),
          },
        },
        tx,
      )
    })
    return { kind: 'saved', displayName: account.displayName, lastDay: value.lastDay }
  }

  async #end(by: string | null, territory: Territory, which: { id: string } | { accountId: string }) {
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const ended = await endVerifications(tx, territory.id, which, by, now)
      for (const row of ended) {
        await this.services.audit.record(
          {
            territoryId: territory.id,
            actorId: by,
            action: 'volunteer.revoked',
            targetId: row.accountId,
            details: by === null ? { via: 'command-line' } : {},
          },
          tx,
        )
      }
      return ended.length
    })
  }
}
