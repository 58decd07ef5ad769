import { type Actor, can } from '../../../platform/auth/actor.ts'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { HttpError } from '../../../platform/http/problem.ts'
import { LIMITS } from '../../../platform/http/rate-limit.ts'
import { isLocale } from '../../../platform/i18n/i18n.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { type AccountRow, findAccountById, updateAccount } from './account.repository.ts'
import { sameEmail } from './email-address.ts'
import type { EmailTokens } from './email-tokens.ts'

export const VERIFY_PATH = '/verification'

export type VerifyResult = { kind: 'verified'; accountId: string } | { kind: 'invalid' }

/**
 * Proving an address: until then an account may read but not post or respond (permission
 * 'verified'), so nobody can act in the name of an address they do not own.
 */
export class VerificationService {
  constructor(
    private readonly services: AppServices,
    private readonly tokens: EmailTokens,
  ) {}

  /** Issues a link for the account's current address and queues the mail, in the caller's transaction. */
  async send(
    account: Pick<AccountRow, 'id' | 'email' | 'displayName' | 'locale'>,
    territory: Territory,
    linkBase: string,
    tx: DbOrTx,
  ): Promise<void> {
    const token = await this.tokens.issue(
      { purpose: 'verify', territoryId: territory.id, accountId: account.id, email: account.email },
      tx,
    )
    await this.services.mailer.send({
      territory,
      to: account.email,
      locale: isLocale(account.locale) ? account.locale : 'fr',
      template: 'verify-email',
      data: { name: account.displayName, link: `${linkBase}${VERIFY_PATH}?jeton=${token}` },
      tx,
    })
  }

  /**
   * « Renvoyer le lien »: earlier links stay valid until they expire, so the person may use
   * whichever mail arrives first.
   */
  async resend(actor: Actor | null, territory: Territory, linkBase: string): Promise<'sent' | 'already'> {
    if (!actor || !can(actor, 'session') || actor.via.kind !== 'session')
      throw new HttpError(401, 'authentication-required')
    if (actor.verified) return 'already'
    // Each resend is a mail to someone's mailbox: a handful per hour is plenty for a real person.
    await this.services.rateLimiter.hit(`verify-resend:${actor.accountId}`, LIMITS.verificationResend)
    const { db } = this.services.database
    const account = await findAccountById(db, actor.accountId)
    if (!account) throw new HttpError(401, 'authentication-required')
    await db.transaction((tx) => this.send(account, territory, linkBase, tx))
    return 'sent'
  }

  /** Is the link still good? The confirmation page says so before the person clicks. */
  async usable(territory: Territory, token: unknown): Promise<boolean> {
    return (await this.tokens.peek('verify', token, territory.id)) !== null
  }

  async verify(territory: Territory, token: unknown): Promise<VerifyResult> {
    const { db } = this.services.database
    const now = this.services.clock.now()
    return db.transaction(async (tx) => {
      const link = await this.tokens.consume('verify', token, territory.id, tx)
      if (!link?.accountId || !link.email) return { kind: 'invalid' } as const
      const account = await findAccountById(tx, link.accountId)
      // A link sent to an address the account has since left proves nothing about the new one.
      if (!account || !sameEmail(account.email, link.email)) return { kind: 'invalid' } as const
      if (!account.emailVerifiedAt) {
        await updateAccount(tx, account.id, { emailVerifiedAt: now, updatedAt: now })
        await this.services.audit.record(
          { territoryId: territory.id, actorId: account.id, action: 'email.verified', targetId: account.id },
          tx,
        )
      }
      return { kind: 'verified', accountId: account.id } as const
    })
  }
}
