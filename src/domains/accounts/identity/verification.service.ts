import { type Actor, can } from '../../../platform/auth/actor.ts'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { HttpError } from '../../../platform/http/problem.ts'
import { LIMITS } from '../../../platform/http/rate-limit.ts'
import { isLocale } from '../../../platform/i18n/i18n.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import type { SessionRow } from '../sessions/session.repository.ts'
import type { StartedSession } from '../sessions/session-store.ts'
import { type AccountRow, findAccountById, holdsAnyRole, updateAccount } from './account.repository.ts'
import { sameEmail } from './email-address.ts'
import type { EmailTokens } from './email-tokens.ts'
import { openPendingAccount } from './pending-confirmation.ts'

export const VERIFY_PATH = '/verification'
/** Where the link leads once it signed the person in: a page read with the new session. */
export const VERIFIED_PATH = '/verification/confirmee'

export type VerifyResult =
  /** session: the one this link started, or null when the person must still sign in (see verify) */
  { kind: 'verified'; accountId: string; session: StartedSession | null } | { kind: 'invalid' }

/** The link of a confirmation mail; `retour` (already checked as a local path) rides along when set. */
export function verificationLink(linkBase: string, token: string, retour = '/'): string {
  const back = retour === '/' ? '' : `retour=${encodeURIComponent(retour)}&`
  return `${linkBase}${VERIFY_PATH}?${back}jeton=${token}`
}

/**
 * Proving an address. Sign-up does not sign in (that would tell a new address from one that has
 * an account), and the password of an unconfirmed account does not either: the link does, once.
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
    retour = '/',
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
      data: { name: account.displayName, link: verificationLink(linkBase, token, retour) },
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

  /**
   * « Renvoyer le lien » from the sign-in page, for the right password of an unconfirmed account:
   * the form carries the account sealed (`pending-confirmation.ts`), since there is no session.
   * Limited per account like the resend above, so the form cannot flood a mailbox.
   */
  async resendPending(
    territory: Territory,
    sealed: unknown,
    linkBase: string,
    retour: string,
  ): Promise<{ kind: 'sent'; accountId: string; email: string } | { kind: 'already' } | { kind: 'invalid' }> {
    const { config, clock, rateLimiter, database } = this.services
    const accountId = openPendingAccount(config.appSecret, sealed, clock.now())
    if (!accountId) return { kind: 'invalid' }
    const { db } = database
    const account = await findAccountById(db, accountId)
    if (!account || account.status !== 'active') return { kind: 'invalid' }
    if (account.emailVerifiedAt) return { kind: 'already' }
    await rateLimiter.hit(`verify-resend:${account.id}`, LIMITS.verificationResend)
    await db.transaction((tx) => this.send(account, territory, linkBase, tx, retour))
    return { kind: 'sent', accountId: account.id, email: account.email }
  }

  /** Is the link still good? The confirmation page says so before the person clicks. */
  async usable(territory: Territory, token: unknown): Promise<boolean> {
    return (await this.tokens.peek('verify', token, territory.id)) !== null
  }

  /**
   * Uses the link. When it is what confirms the address of an active resident, it also signs them
   * in with a new session (the one this browser had, whoever's, ends: no fixation). It does not
   * when the address was already confirmed (an older link is no key to the account), for a
   * suspended account, nor for staff, whose sessions start with the password and second factor.
   */
  async verify(
    territory: Territory,
    token: unknown,
    request: { device: string; current: SessionRow | null },
  ): Promise<VerifyResult> {
    const { db } = this.services.database
    const { sessions, audit, clock } = this.services
    const now = clock.now()
    return db.transaction(async (tx) => {
      const link = await this.tokens.consume('verify', token, territory.id, tx)
      if (!link?.accountId || !link.email) return { kind: 'invalid' } as const
      const account = await findAccountById(tx, link.accountId)
      // A link sent to an address the account has since left proves nothing about the new one.
      if (!account || !sameEmail(account.email, link.email)) return { kind: 'invalid' } as const
      if (account.emailVerifiedAt) return { kind: 'verified', accountId: account.id, session: null } as const
      await updateAccount(tx, account.id, { emailVerifiedAt: now, updatedAt: now })
      // The other links sent for this address have nothing left to prove.
      await this.tokens.voidAll(account.id, 'verify', tx)
      await audit.record(
        { territoryId: territory.id, actorId: account.id, action: 'email.verified', targetId: account.id },
        tx,
      )
      if (account.status !== 'active' || (await holdsAnyRole(tx, account.id)))
        return { kind: 'verified', accountId: account.id, session: null } as const
      if (request.current) await sessions.end(request.current.idHash, tx)
      const session = await sessions.start(
        { accountId: account.id, territoryId: territory.id, kind: 'resident', device: request.device },
        tx,
      )
      await updateAccount(tx, account.id, { lastLoginAt: now })
      await audit.record(
        {
          territoryId: territory.id,
          actorId: account.id,
          action: 'login',
          targetId: account.id,
          details: { kind: 'resident', via: 'verification' },
        },
        tx,
      )
      return { kind: 'verified', accountId: account.id, session } as const
    })
  }
}
