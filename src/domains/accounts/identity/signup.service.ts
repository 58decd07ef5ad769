import type { Actor } from '../../../platform/auth/actor.ts'
import { hashPassword, passwordProblem } from '../../../platform/auth/passwords.ts'
import type { Commune } from '../../../platform/geo/commune.ts'
import { COMMUNE_QUERY_MAX } from '../../../platform/geo/commune.ts'
import { HttpError } from '../../../platform/http/problem.ts'
import { LIMITS } from '../../../platform/http/rate-limit.ts'
import { isLocale, type Locale } from '../../../platform/i18n/i18n.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import type { Issue } from '../../../platform/validation.ts'
import {
  DISPLAY_NAME_MAX,
  displayNameProblem,
  normaliseDisplayName,
  normalisePhone,
} from '../profile/profile.ts'
import { findAccountByEmail, insertAccount } from './account.repository.ts'
import { recordAccountCreated } from './account-stats.ts'
import { emailProblem, isDuplicateAddress, normaliseEmail } from './email-address.ts'
import type { VerificationService } from './verification.service.ts'

/** The texts a person accepts at sign-up; a new version will ask everyone to accept it again. */
export const CHARTER_VERSION = '2026-11'
export const PRIVACY_VERSION = '2026-11'

/** What the sign-up form sends; anything else in the body (role, status, territory…) is never read. */
export interface SignUpInput {
  displayName: string
  email: string
  password: string
  commune: string
  phone: string
  charter: boolean
  privacy: boolean
}

/** Where and how the request came: for the rate limit, the session's device and the mail's link. */
export interface RequestInfo {
  ip: string
  device: string
  locale: Locale
  linkBase: string
}

export type SignUpResult =
  /**
   * A mail went to the address: the confirmation link for a new account, a notice for one that
   * had an account. One outcome for both, so that no caller can answer them differently.
   */
  | { kind: 'sent' }
  /** choices: the communes the typed text fits, when it fits several */
  | { kind: 'invalid'; issues: Issue[]; choices: Commune[] }

/** Checks everything but the commune, which needs the database; issues come in the order of the form. */
export async function checkSignUpFields(input: SignUpInput) {
  const displayName = normaliseDisplayName(input.displayName)
  const email = normaliseEmail(input.email)
  const phone = normalisePhone(input.phone)
  const before: Issue[] = []
  const after: Issue[] = []
  const nameProblem = displayNameProblem(displayName)
  if (nameProblem) before.push({ field: 'displayName', key: nameProblem, params: { max: DISPLAY_NAME_MAX } })
  const mailProblem = emailProblem(email)
  if (mailProblem) before.push({ field: 'email', key: mailProblem })
  const weak = await passwordProblem(input.password, [email, displayName])
  if (weak) before.push({ field: 'password', key: weak.key, params: weak.params })
  if ('problem' in phone) after.push({ field: 'phone', key: phone.problem })
  if (!input.charter) after.push({ field: 'charter', key: 'signup.charter.required' })
  if (!input.privacy) after.push({ field: 'privacy', key: 'signup.privacy.required' })
  return {
    values: { displayName, email, phone: 'phone' in phone ? phone.phone : null },
    /** issues of the fields above the commune, then below it */
    before,
    after,
  }
}

export class SignUpService {
  constructor(
    private readonly services: AppServices,
    private readonly verification: VerificationService,
  ) {}

  /** The commune typed in the form: one of this territory's, else an issue (and the choices when several fit). */
  async #commune(territory: Territory, typed: string) {
    const text = typed.trim()
    if (text === '') return { issue: { field: 'commune', key: 'signup.commune.required' } as Issue }
    if (text.length > COMMUNE_QUERY_MAX)
      return { issue: { field: 'commune', key: 'signup.commune.tooLong' } as Issue }
    const found = await this.services.communes.resolve(territory, text)
    if (found.kind === 'one') return { commune: found.commune }
    if (found.kind === 'many')
      return { issue: { field: 'commune', key: 'signup.commune.choose' } as Issue, choices: found.communes }
    return {
      issue: {
        field: 'commune',
        key: 'signup.commune.notCovered',
        params: { query: text },
      } as Issue,
    }
  }

  /**
   * Creates a resident of the request's territory and sends the confirmation link, without
   * signing in: a session here, and none for an address that has an account, would tell the
   * two apart. The link signs the person in (`VerificationService.verify`); `retour` rides in it.
   * The account row is built field by field here, so a role or a status sent in the form is never read.
   */
  async signUp(
    actor: Actor | null,
    territory: Territory,
    input: SignUpInput,
    request: RequestInfo,
    retour = '/',
  ): Promise<SignUpResult> {
    if (actor) throw new HttpError(409, 'already-signed-in')
    const { values, before, after } = await checkSignUpFields(input)
    const place = await this.#commune(territory, input.commune)
    const issues = [...before, ...(place.issue ? [place.issue] : []), ...after]
    const choices = place.choices ?? []
    const commune = place.commune
    if (issues.length > 0 || !commune) return { kind: 'invalid', issues, choices }

    // Counted once the form is right, so typing mistakes do not lock anyone out; this bounds
    // both mass account creation and probing which addresses have an account.
    await this.services.rateLimiter.hit(`signup:ip:${request.ip}`, LIMITS.signupPerIp)
    const { db } = this.services.database
    const existing = await findAccountByEmail(db, values.email)
    // Hashed either way, so that the time of the answer does not tell either.
    const passwordHash = await hashPassword(input.password)
    if (existing) return this.#tellOwner(existing, territory, request)

    const { clock, ids, audit } = this.services
    const now = clock.now()
    const accountId = ids()
    try {
      await db.transaction(async (tx) => {
        await insertAccount(tx, {
          id: accountId,
          territoryId: territory.id,
          email: values.email,
          emailVerifiedAt: null,
          passwordHash,
          displayName: values.displayName,
          communeInsee: commune.insee,
          phone: values.phone,
          locale: request.locale,
          charterVersion: CHARTER_VERSION,
          charterAcceptedAt: now,
          privacyVersion: PRIVACY_VERSION,
          privacyAcceptedAt: now,
          lastLoginAt: null,
          createdAt: now,
          updatedAt: now,
        })
        await recordAccountCreated(tx, {
          id: accountId,
          territoryId: territory.id,
          communeInsee: commune.insee,
          createdAt: now,
        })
        await this.verification.send(
          { id: accountId, email: values.email, displayName: values.displayName, locale: request.locale },
          territory,
          request.linkBase,
          tx,
          retour,
        )
        await audit.record(
          {
            territoryId: territory.id,
            actorId: accountId,
            action: 'signup',
            targetId: accountId,
            details: { charter: CHARTER_VERSION, privacy: PRIVACY_VERSION },
          },
          tx,
        )
      })
    } catch (error) {
      // Two sign-ups with one address at the same moment: the unique index decides, and the
      // loser is answered as any sign-up with an address that has an account.
      if (!isDuplicateAddress(error)) throw error
      const winner = await findAccountByEmail(db, values.email)
      if (winner) return this.#tellOwner(winner, territory, request)
    }
    return { kind: 'sent' }
  }

  /**
   * Telling the visitor « this address has an account » would tell anyone whether a given person
   * is a member; the owner of the mailbox learns it instead, with a way to sign in.
   */
  async #tellOwner(
    account: { id: string; email: string; displayName: string; locale: string },
    territory: Territory,
    request: RequestInfo,
  ): Promise<{ kind: 'sent' }> {
    // A transaction with the mail and a trace, as the new account has: staff see the attempts,
    // and the two answers cost about the same work besides the hash.
    await this.services.database.db.transaction(async (tx) => {
      await this.services.mailer.send({
        territory,
        to: account.email,
        locale: isLocale(account.locale) ? account.locale : request.locale,
        template: 'signup-existing',
        data: {
          name: account.displayName,
          login: `${request.linkBase}/connexion`,
          reset: `${request.linkBase}/mot-de-passe-oublie`,
        },
        tx,
      })
      await this.services.audit.record(
        { territoryId: territory.id, actorId: null, action: 'signup.existing', targetId: account.id },
        tx,
      )
    })
    return { kind: 'sent' }
  }
}
