import type { Actor } from '../../../platform/auth/actor.ts'
import { verifyDecoy, verifyPassword } from '../../../platform/auth/passwords.ts'
import { LIMITS } from '../../../platform/http/rate-limit.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import type { Issue } from '../../../platform/validation.ts'
import type { SessionRow } from '../sessions/session.repository.ts'
import type { SessionKind, StartedSession } from '../sessions/session-store.ts'
import { findAccountByEmail, holdsAnyRole, rolesIn, updateAccount } from './account.repository.ts'
import { emailKey, normaliseEmail } from './email-address.ts'
import type { SuspendedSignIn, SuspensionNotice } from './suspended-sign-in.ts'

export interface LoginInput {
  email: string
  password: string
}

/** What the login page does next: staff of this territory give their second factor, or set one up. */
export type NextStep = 'second-factor' | 'enrol' | 'none'

export type LoginResult =
  | { kind: 'signed-in'; session: StartedSession; next: NextStep }
  | { kind: 'invalid'; issues: Issue[] }
  /** the right password, but the address is not confirmed: the link signs in, not the password */
  | { kind: 'unconfirmed'; accountId: string }
  /** the right password of a suspended account that a sanction explains: said plainly, to that person only */
  | { kind: 'suspended'; notice: SuspensionNotice }

/** Counts attempts against one address; the key holds a hash, never the address. */
export function loginAccountKey(email: string): string {
  return `login:account:${emailKey(email)}`
}

export function loginIpKey(ip: string): string {
  return `login:ip:${ip}`
}

/** Missing fields are answered field by field; a wrong pair gets one message that tells nothing more. */
export function loginFieldIssues(input: LoginInput): Issue[] {
  const issues: Issue[] = []
  if (normaliseEmail(input.email) === '') issues.push({ field: 'email', key: 'login.email.required' })
  if (input.password === '') issues.push({ field: 'password', key: 'login.password.required' })
  return issues
}

export class LoginService {
  constructor(
    private readonly services: AppServices,
    private readonly suspendedSignIn?: SuspendedSignIn,
  ) {}

  /**
   * Anyone may try, so there is no access check, but the limits come first: an attacker who
   * hits them gets no answer about the password and makes the server hash nothing.
   */
  async login(
    territory: Territory,
    input: LoginInput,
    request: { ip: string; device: string; current: SessionRow | null },
  ): Promise<LoginResult> {
    const missing = loginFieldIssues(input)
    if (missing.length > 0) return { kind: 'invalid', issues: missing }
    const { rateLimiter, database, audit, sessions, clock } = this.services
    const email = normaliseEmail(input.email)
    await rateLimiter.hit(loginIpKey(request.ip), LIMITS.loginPerIp)
    await rateLimiter.hit(loginAccountKey(email), LIMITS.loginPerAccount)

    const { db } = database
    const account = await findAccountByEmail(db, email)
    // An unknown address costs the same hash as a known one: the time of the answer says nothing.
    let matches = false
    if (account?.passwordHash) matches = await verifyPassword(account.passwordHash, input.password)
    else await verifyDecoy(input.password)
    // Only the right password learns why an account is suspended (or that its time is up, which
    // lifts the suspension here rather than waiting for the job); anyone else hears what a wrong
    // password hears, so the message never confirms an address.
    let status = account?.status
    if (account && matches && status === 'suspended' && this.suspendedSignIn) {
      const outcome = await this.suspendedSignIn(this.services, account.id)
      if (outcome === 'lifted') status = 'active'
      else if (outcome) {
        await audit.record({
          territoryId: territory.id,
          actorId: null,
          action: 'login.failed',
          targetId: account.id,
          details: { reason: 'suspended' },
        })
        return { kind: 'suspended', notice: outcome }
      }
    }
    if (!account || !matches || status !== 'active') {
      const reason = !account ? 'unknown-account' : !matches ? 'wrong-password' : 'suspended'
      await audit.record({
        territoryId: territory.id,
        actorId: null,
        action: 'login.failed',
        targetId: account?.id ?? null,
        details: { reason },
      })
      return { kind: 'invalid', issues: [{ field: 'email', key: 'login.failed' }] }
    }

    await rateLimiter.reset(loginAccountKey(email))
    // Told only to whoever gave the right password: to anyone else this address looks like any other.
    if (!account.emailVerifiedAt) {
      await audit.record({
        territoryId: territory.id,
        actorId: null,
        action: 'login.failed',
        targetId: account.id,
        details: { reason: 'unconfirmed' },
      })
      return { kind: 'unconfirmed', accountId: account.id }
    }
    const session = await db.transaction(async (tx) => {
      // A new id at every login: a cookie planted before it (session fixation) is worth nothing after.
      if (request.current) await sessions.end(request.current.idHash, tx)
      const kind: SessionKind = (await holdsAnyRole(tx, account.id)) ? 'staff' : 'resident'
      const started = await sessions.start(
        { accountId: account.id, territoryId: territory.id, kind, device: request.device },
        tx,
      )
      await updateAccount(tx, account.id, { lastLoginAt: clock.now() })
      await audit.record(
        {
          territoryId: territory.id,
          actorId: account.id,
          action: 'login',
          targetId: account.id,
          details: { kind },
        },
        tx,
      )
      return started
    })
    const staffHere = (await rolesIn(db, account.id, territory.id)).length > 0
    const next: NextStep = !staffHere ? 'none' : account.totpEnabledAt ? 'second-factor' : 'enrol'
    return { kind: 'signed-in', session, next }
  }

  /** Ends this device's session only; the person's other devices stay signed in. */
  async logout(actor: Actor | null, session: SessionRow | null): Promise<void> {
    if (!actor || !session) return
    await this.services.database.db.transaction(async (tx) => {
      await this.services.sessions.end(session.idHash, tx)
      await this.services.audit.record(
        {
          territoryId: session.territoryId,
          actorId: actor.accountId,
          action: 'logout',
          targetId: actor.accountId,
        },
        tx,
      )
    })
  }
}
