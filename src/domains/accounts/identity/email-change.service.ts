import { type Actor, can } from '../../../platform/auth/actor.ts'
import { verifyPassword } from '../../../platform/auth/passwords.ts'
import { HttpError } from '../../../platform/http/problem.ts'
import { LIMITS } from '../../../platform/http/rate-limit.ts'
import { isLocale } from '../../../platform/i18n/i18n.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { type Issue, ValidationError } from '../../../platform/validation.ts'
import type { SessionRow } from '../sessions/session.repository.ts'
import { findAccountByEmail, findAccountById, updateAccount } from './account.repository.ts'
import { emailProblem, isDuplicateAddress, maskEmail, normaliseEmail, sameEmail } from './email-address.ts'
import type { EmailTokens } from './email-tokens.ts'
import { loginAccountKey } from './login.service.ts'

export const EMAIL_CONFIRM_PATH = '/compte/adresse/confirmer'

export type ConfirmResult = { kind: 'changed'; email: string } | { kind: 'invalid-link' } | { kind: 'taken' }

/**
 * Changing the address that receives password resets is taking the account: it needs the
 * password, and happens only once the new address has proved it receives mail.
 */
export class EmailChangeService {
  constructor(
    private readonly services: AppServices,
    private readonly tokens: EmailTokens,
  ) {}

  async request(
    actor: Actor | null,
    session: SessionRow | null,
    territory: Territory,
    input: { email: string; password: string },
    linkBase: string,
  ): Promise<{ email: string }> {
    if (!actor || !session || !can(actor, 'session')) throw new HttpError(401, 'authentication-required')
    const { db } = this.services.database
    const account = await findAccountById(db, actor.accountId)
    if (!account) throw new HttpError(401, 'authentication-required')
    const email = normaliseEmail(input.email)
    const issues: Issue[] = []
    const problem = emailProblem(email)
    if (problem) issues.push({ field: 'email', key: problem })
    else if (sameEmail(email, account.email)) issues.push({ field: 'email', key: 'email.change.same' })
    if (input.password === '') issues.push({ field: 'password', key: 'password.current.required' })
    else {
      await this.services.rateLimiter.hit(loginAccountKey(account.email), LIMITS.loginPerAccount)
      if (!(await verifyPassword(account.passwordHash, input.password)))
        issues.push({ field: 'password', key: 'password.current.wrong' })
    }
    // Only once the password is right, so the form cannot be used to find out who has an account.
    if (issues.length === 0) {
      const other = await findAccountByEmail(db, email)
      if (other && other.id !== account.id) issues.push({ field: 'email', key: 'email.change.taken' })
    }
    if (issues.length > 0) throw new ValidationError(issues)
    await this.services.rateLimiter.reset(loginAccountKey(account.email))

    await db.transaction(async (tx) => {
      // Only the latest address asked for can be confirmed.
      await this.tokens.voidAll(account.id, 'email-change', tx)
      const token = await this.tokens.issue(
        { purpose: 'email-change', territoryId: territory.id, accountId: account.id, email },
        tx,
      )
      await this.services.mailer.send({
        territory,
        to: email,
        locale: isLocale(account.locale) ? account.locale : 'fr',
        template: 'email-change-confirm',
        data: { name: account.displayName, link: `${linkBase}${EMAIL_CONFIRM_PATH}?jeton=${token}` },
        tx,
      })
    })
    return { email }
  }

  async usable(territory: Territory, token: unknown): Promise<boolean> {
    return (await this.tokens.peek('email-change', token, territory.id)) !== null
  }

  /** Uses the link sent to the new address; the old address is told, in case it was not its owner's doing. */
  async confirm(territory: Territory, token: unknown): Promise<ConfirmResult> {
    const { db } = this.services.database
    const now = this.services.clock.now()
    try {
      return await db.transaction(async (tx) => {
        const link = await this.tokens.consume('email-change', token, territory.id, tx)
        if (!link?.accountId || !link.email) return { kind: 'invalid-link' } as const
        const account = await findAccountById(tx, link.accountId)
        if (!account) return { kind: 'invalid-link' } as const
        const other = await findAccountByEmail(tx, link.email)
        if (other && other.id !== account.id) return { kind: 'taken' } as const
        await updateAccount(tx, account.id, { email: link.email, emailVerifiedAt: now, updatedAt: now })
        await this.services.mailer.send({
          territory,
          to: account.email,
          locale: isLocale(account.locale) ? account.locale : 'fr',
          template: 'email-changed-notice',
          data: { name: account.displayName, newEmail: maskEmail(link.email) },
          tx,
        })
        await this.services.audit.record(
          { territoryId: territory.id, actorId: account.id, action: 'email.changed', targetId: account.id },
          tx,
        )
        return { kind: 'changed', email: link.email } as const
      })
    } catch (error) {
      if (isDuplicateAddress(error)) return { kind: 'taken' }
      throw error
    }
  }
}
