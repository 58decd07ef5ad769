import { type Actor, can } from '../../../platform/auth/actor.ts'
import { hashPassword } from '../../../platform/auth/passwords.ts'
import { randomToken, sha256 } from '../../../platform/auth/secrets.ts'
import type { DbOrTx } from '../../../platform/db/client.ts'
import type { Commune } from '../../../platform/geo/commune.ts'
import { forbidden, notFound } from '../../../platform/http/problem.ts'
import { isLocale, type Locale } from '../../../platform/i18n/i18n.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { type Issue, ValidationError } from '../../../platform/validation.ts'
import {
  type AccountRow,
  findAccountByEmail,
  findAccountCards,
  grantRole,
  insertAccount,
  rolesIn,
  updateAccount,
} from '../identity/account.repository.ts'
import type { StaffRole } from '../identity/account.schema.ts'
import { emailProblem, normaliseEmail, sameEmail } from '../identity/email-address.ts'
import { CHARTER_VERSION, PRIVACY_VERSION } from '../identity/signup.service.ts'
import {
  consumeInvitation,
  findLiveInvitation,
  type InvitationRow,
  insertInvitation,
} from './invitation.repository.ts'
import { type AcceptInput, checkAcceptForm } from './invitation.ts'
import { INVITATION_MS, isStaffRole } from './staff.ts'

export interface Invitation {
  row: InvitationRow & { email: string; role: StaffRole }
  inviterName: string | null
  /** the account of the invited address, if there is one */
  account: AccountRow | null
}

export type AcceptResult =
  | { kind: 'granted'; accountId: string; hasTotp: boolean }
  /** the address has an account with a password: its owner signs in, then accepts */
  | { kind: 'sign-in-first' }
  | { kind: 'invalid'; issues: Issue[]; choices: Commune[] }

/**
 * Staff join by invitation: an administrator names an address and a role, the link in the
 * mail (single use, a week) proves the address, and accepting it grants the role.
 */
export class InvitationService {
  constructor(private readonly services: AppServices) {}

  async invite(
    actor: Actor | null,
    territory: Territory,
    input: { email: string; role: string },
    linkBase: string,
  ) {
    if (!actor || !can(actor, 'staff:manage')) throw forbidden()
    const email = normaliseEmail(input.email)
    const issues: Issue[] = []
    const problem = emailProblem(email)
    if (problem) issues.push({ field: 'email', key: problem })
    if (!isStaffRole(input.role)) issues.push({ field: 'role', key: 'admin.invite.role.required' })
    if (issues.length > 0 || !isStaffRole(input.role)) throw new ValidationError(issues)
    const { role } = input
    const { db } = this.services.database
    const account = await findAccountByEmail(db, email)
    const invitedBy = { accountId: actor.accountId, displayName: actor.displayName }
    await db.transaction((tx) => this.issue(tx, territory, { email, role, account, invitedBy }, linkBase))
  }

  /** Writes the link, its mail and the trace in the caller's transaction; returns the link. */
  async issue(
    tx: DbOrTx,
    territory: Territory,
    input: {
      email: string
      role: StaffRole
      account: AccountRow | null
      invitedBy: { accountId: string; displayName: string } | null
    },
    linkBase: string,
  ): Promise<string> {
    const { clock, ids, mailer, audit } = this.services
    const token = randomToken()
    const now = clock.now()
    await insertInvitation(tx, {
      id: ids(),
      tokenHash: sha256(token),
      purpose: 'invite',
      territoryId: territory.id,
      accountId: input.account?.id ?? null,
      email: input.email,
      role: input.role,
      invitedBy: input.invitedBy?.accountId ?? null,
      expiresAt: new Date(now.getTime() + INVITATION_MS),
      usedAt: null,
      createdAt: now,
    })
    const link = `${linkBase}/invitation?jeton=${token}`
    const locale: Locale = input.account && isLocale(input.account.locale) ? input.account.locale : 'fr'
    await mailer.send({
      tx,
      territory,
      to: input.email,
      locale,
      template: 'staff-invite',
      data: { link, role: input.role, inviter: input.invitedBy?.displayName ?? '' },
    })
    await audit.record(
      {
        territoryId: territory.id,
        actorId: input.invitedBy?.accountId ?? null,
        action: 'staff.invited',
        targetId: input.account?.id ?? null,
        details: { role: input.role },
      },
      tx,
    )
    return link
  }

  /** The invitation a link stands for, if it is this territory's, unused and not expired. */
  async find(territory: Territory, token: unknown): Promise<Invitation | null> {
    if (typeof token !== 'string' || !/^[\w-]{43}$/.test(token)) return null
    const { db } = this.services.database
    const row = await findLiveInvitation(db, territory.id, sha256(token), this.services.clock.now())
    if (!row?.email || !isStaffRole(row.role)) return null
    const [inviter] = row.invitedBy ? await findAccountCards(db, [row.invitedBy]) : []
    const account = await findAccountByEmail(db, row.email)
    return {
      row: { ...row, email: row.email, role: row.role },
      inviterName: inviter?.displayName ?? null,
      account,
    }
  }

  /**
   * Signed in as the invited address: the role is granted. Not signed in: a new account is
   * made (the link proves the address), or an account made by an operator gets its password.
   * Either way every earlier session of the account ends, since its powers change.
   */
  async accept(
    actor: Actor | null,
    territory: Territory,
    token: unknown,
    input: AcceptInput,
    locale: Locale,
  ): Promise<AcceptResult> {
    const invitation = await this.find(territory, token)
    if (!invitation) throw notFound('invitation')
    const { row, account } = invitation
    if (actor && (!account || actor.accountId !== account.id || !sameEmail(actor.email, row.email)))
      throw forbidden('invitation-other-account')
    if (account && account.status !== 'active') throw forbidden('account-suspended')
    if (!actor && account?.passwordHash) return { kind: 'sign-in-first' }
    const form = actor
      ? null
      : await checkAcceptForm(this.services.communes, territory, row.email, input, account === null)
    if (form && 'issues' in form) return { kind: 'invalid', issues: form.issues, choices: form.choices }

    const { database, clock, ids, audit, sessions } = this.services
    const now = clock.now()
    const accountId = account?.id ?? ids()
    const passwordHash = form ? await hashPassword(input.password) : null
    const consent = {
      charterVersion: CHARTER_VERSION,
      charterAcceptedAt: now,
      privacyVersion: PRIVACY_VERSION,
      privacyAcceptedAt: now,
    }
    await database.db.transaction(async (tx) => {
      if (!(await consumeInvitation(tx, row.id, now))) throw notFound('invitation')
      if (!account && form) {
        await insertAccount(tx, {
          id: accountId,
          territoryId: territory.id,
          email: row.email,
          emailVerifiedAt: now,
          passwordHash,
          displayName: form.displayName,
          communeInsee: form.communeInsee,
          locale,
          ...consent,
          lastLoginAt: now,
          createdAt: now,
          updatedAt: now,
        })
        const signup = { territoryId: territory.id, actorId: accountId, targetId: accountId }
        await audit.record({ ...signup, action: 'signup', details: { via: 'invitation' } }, tx)
      } else if (account) {
        const password = passwordHash ? { passwordHash, ...consent } : {}
        await updateAccount(tx, account.id, {
          emailVerifiedAt: account.emailVerifiedAt ?? now,
          ...password,
          updatedAt: now,
        })
      }
      // Sessions opened before the new role must not carry it; ended with the change, or not at all.
      await sessions.endAll(accountId, { tx })
      // An operator's `create-admin` granted the role already: the trace says it once.
      if ((await rolesIn(tx, accountId, territory.id)).includes(row.role)) return
      await grantRole(tx, {
        accountId,
        territoryId: territory.id,
        role: row.role,
        grantedBy: row.invitedBy,
        grantedAt: now,
      })
      await audit.record(
        {
          territoryId: territory.id,
          actorId: row.invitedBy,
          action: 'role.granted',
          targetId: accountId,
          details: { role: row.role, via: 'invitation' },
        },
        tx,
      )
    })
    return { kind: 'granted', accountId, hasTotp: account?.totpEnabledAt != null }
  }
}
