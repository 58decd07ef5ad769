import { type Actor, can } from '../../../platform/auth/actor.ts'
import { hashPassword, passwordProblem, verifyPassword } from '../../../platform/auth/passwords.ts'
import { HttpError } from '../../../platform/http/problem.ts'
import { LIMITS, type Limit } from '../../../platform/http/rate-limit.ts'
import { isLocale, type Locale } from '../../../platform/i18n/i18n.ts'
import { PermanentJobError } from '../../../platform/jobs/job-error.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { type Issue, ValidationError } from '../../../platform/validation.ts'
import type { SessionRow } from '../sessions/session.repository.ts'
import { revokeAllAccessTokens } from '../tokens/token.repository.ts'
import { type AccountRow, findAccountByEmail, findAccountById, updateAccount } from './account.repository.ts'
import { emailKey, emailProblem, normaliseEmail, sameEmail } from './email-address.ts'
import type { EmailTokens } from './email-tokens.ts'
import { loginAccountKey } from './login.service.ts'

export const RESET_PATH = '/mot-de-passe/nouveau'
export const RESET_REQUEST_JOB = 'accounts.password-reset-request'
/** Beyond the per-address limit: one machine asking for many addresses is sending mail to strangers. */
const RESET_PER_IP: Limit = { max: 20, windowMs: 3_600_000 }

export type ResetResult = { kind: 'reset' } | { kind: 'invalid-link' }

export class PasswordService {
  constructor(
    private readonly services: AppServices,
    private readonly tokens: EmailTokens,
  ) {
    services.worker.register(RESET_REQUEST_JOB, (payload) => this.#mailResetLink(payload))
  }

  /**
   * « Mot de passe oublié »: the request only queues a job, the same for every address, so
   * neither the answer nor its time tells whether the address has an account. The job looks
   * the address up and mails either a link or « no account here ».
   */
  async requestReset(
    territory: Territory,
    rawEmail: string,
    request: { ip: string; locale: Locale; linkBase: string },
  ): Promise<string> {
    const email = normaliseEmail(rawEmail)
    const problem = emailProblem(email)
    if (problem) throw new ValidationError([{ field: 'email', key: problem }])
    await this.services.rateLimiter.hit(`reset:address:${emailKey(email)}`, LIMITS.resetPerAddress)
    await this.services.rateLimiter.hit(`reset:ip:${request.ip}`, RESET_PER_IP)
    await this.services.jobs.enqueue(
      RESET_REQUEST_JOB,
      { email, locale: request.locale, linkBase: request.linkBase, territory: territory.slug },
      { territoryId: territory.id, maxAttempts: 5 },
    )
    return email
  }

  async #mailResetLink(payload: Record<string, unknown>): Promise<void> {
    const { email, locale, linkBase, territory: slug } = payload
    if (typeof email !== 'string' || typeof linkBase !== 'string' || typeof slug !== 'string')
      throw new PermanentJobError('reset request payload is malformed')
    const territory = await this.services.territories.find(slug)
    if (!territory) throw new PermanentJobError('the territory of a reset request is gone')
    const { db } = this.services.database
    const account = await findAccountByEmail(db, email)
    if (!account) {
      await this.services.mailer.send({
        territory,
        to: email,
        locale: isLocale(locale) ? locale : 'fr',
        template: 'reset-password-unknown',
        data: { link: `${linkBase}/inscription` },
      })
      return
    }
    await db.transaction(async (tx) => {
      const token = await this.tokens.issue(
        { purpose: 'reset', territoryId: territory.id, accountId: account.id, email: account.email },
        tx,
      )
      await this.services.mailer.send({
        territory,
        to: account.email,
        locale: isLocale(account.locale) ? account.locale : 'fr',
        template: 'reset-password',
        data: { name: account.displayName, link: `${linkBase}${RESET_PATH}?jeton=${token}` },
        tx,
      })
    })
  }

  /** The account a reset link is for, while it can still be used. */
  async accountForLink(territory: Territory, token: unknown): Promise<AccountRow | null> {
    const link = await this.tokens.peek('reset', token, territory.id)
    if (!link?.accountId) return null
    return findAccountById(this.services.database.db, link.accountId)
  }

  /** Sets the new password and ends every session: whoever had the account before the reset is out. */
  async reset(territory: Territory, token: unknown, password: string): Promise<ResetResult> {
    const account = await this.accountForLink(territory, token)
    if (!account) return { kind: 'invalid-link' }
    const weak = await passwordProblem(password, [account.email, account.displayName])
    if (weak) throw new ValidationError([{ field: 'password', key: weak.key, params: weak.params }])
    const passwordHash = await hashPassword(password)
    const { db } = this.services.database
    const now = this.services.clock.now()
    const done = await db.transaction(async (tx) => {
      const link = await this.tokens.consume('reset', token, territory.id, tx)
      if (!link || link.accountId !== account.id) return false
      // The link reached the mailbox: that proves the address as well as a verification link would.
      const proves = !account.emailVerifiedAt && link.email !== null && sameEmail(link.email, account.email)
      await updateAccount(tx, account.id, {
        passwordHash,
        updatedAt: now,
        ...(proves ? { emailVerifiedAt: now } : {}),
      })
      await this.tokens.voidAll(account.id, 'reset', tx)
      // Whoever knew the old password may have minted API tokens: a reset takes them back too.
      await revokeAllAccessTokens(tx, account.id, now)
      await this.services.sessions.endAll(account.id, { tx })
      await this.services.audit.record(
        { territoryId: territory.id, actorId: account.id, action: 'password.reset', targetId: account.id },
        tx,
      )
      return true
    })
    if (!done) return { kind: 'invalid-link' }
    // Locked out by failed attempts is often why people reset: let them in at once.
    await this.services.rateLimiter.reset(loginAccountKey(account.email))
    return { kind: 'reset' }
  }

  /** Asks for the current password, so a session left open on a shared computer cannot take the account. */
  async change(
    actor: Actor | null,
    session: SessionRow | null,
    input: { current: string; next: string; endOtherSessions: boolean },
  ): Promise<{ endedSessions: number }> {
    if (!actor || !session || !can(actor, 'session')) throw new HttpError(401, 'authentication-required')
    const { db } = this.services.database
    const account = await findAccountById(db, actor.accountId)
    if (!account) throw new HttpError(401, 'authentication-required')
    const issues: Issue[] = []
    if (input.current === '') issues.push({ field: 'currentPassword', key: 'password.current.required' })
    else {
      // Guessing the current password from an open session counts like guessing it at login.
      await this.services.rateLimiter.hit(loginAccountKey(account.email), LIMITS.loginPerAccount)
      if (!(await verifyPassword(account.passwordHash, input.current)))
        issues.push({ field: 'currentPassword', key: 'password.current.wrong' })
    }
    const weak = await passwordProblem(input.next, [account.email, account.displayName])
    if (weak) issues.push({ field: 'newPassword', key: weak.key, params: weak.params })
    if (issues.length > 0) throw new ValidationError(issues)

    await this.services.rateLimiter.reset(loginAccountKey(account.email))
    const passwordHash = await hashPassword(input.next)
    const now = this.services.clock.now()
    const endedSessions = await db.transaction(async (tx) => {
      await updateAccount(tx, account.id, { passwordHash, updatedAt: now })
      await this.tokens.voidAll(account.id, 'reset', tx)
      const ended = input.endOtherSessions
        ? await this.services.sessions.endAll(account.id, { except: session.idHash, tx })
        : 0
      await this.services.audit.record(
        {
          territoryId: session.territoryId,
          actorId: account.id,
          action: 'password.changed',
          targetId: account.id,
          details: { otherSessionsEnded: ended },
        },
        tx,
      )
      return ended
    })
    return { endedSessions }
  }
}
