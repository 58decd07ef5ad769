import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { randomToken, sha256 } from '../../platform/auth/secrets.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { forbidden, notFound } from '../../platform/http/problem.ts'
import { isLocale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid, ValidationError } from '../../platform/validation.ts'
import { accountByEmail, accountCards, emailProblem, normaliseEmail } from '../accounts/index.ts'
import {
  consumeInvitation,
  deleteMember,
  findLiveInvitation,
  insertInvitation,
  insertMember,
  listLiveInvitations,
  listMembers,
  lockMembers,
  type MemberRow,
  managersIn,
  revokeInvitation,
  setRole,
  setSignupNotices,
} from './member.repository.ts'
import { organisationIn, roleIn } from './membership.repository.ts'
import {
  type MemberRole,
  memberRoles,
  type SignupNotices,
  signupNoticeChoices,
} from './organisation.schema.ts'

/** An invitation's link holds for two weeks. */
export const INVITATION_MS = 14 * 24 * 60 * 60 * 1000
const TOKEN = /^[\w-]{43}$/

export type MemberChange = { kind: 'done' } | { kind: 'last-manager' }

export interface MemberView {
  accountId: string
  displayName: string
  role: MemberRole
  signupNotices: SignupNotices
  self: boolean
}

const isRole = (v: string): v is MemberRole => (memberRoles as readonly string[]).includes(v)
export const isSignupNotices = (v: string): v is SignupNotices =>
  (signupNoticeChoices as readonly string[]).includes(v)

/**
 * Who runs an organisation: invitations by email, roles, leaving. Every change that could leave an
 * organisation without a manager locks its member rows first and counts them again.
 */
export class MemberService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** The organisation and the caller's role in it; 404 alike for a stranger and another territory. */
  async #membership(actor: Actor, territory: Territory, id: string) {
    if (!isUuid(id)) throw notFound()
    const organisation = await organisationIn(this.#db, territory.id, id)
    const role = organisation ? await roleIn(this.#db, organisation.id, actor.accountId) : null
    if (!organisation || !role) throw notFound()
    return { organisation, role }
  }

  async #manager(actor: Actor, territory: Territory, id: string) {
    const found = await this.#membership(actor, territory, id)
    if (found.role !== 'manager') throw notFound()
    return found.organisation
  }

  /** The members page: its members by name, and the pending invitations for managers. */
  async members(actor: Actor | null, territory: Territory, id: string, scope?: 'organisations:read') {
    const me = signedIn(actor, scope)
    const { organisation, role } = await this.#membership(me, territory, id)
    const rows = await listMembers(this.#db, organisation.id)
    const cards = await accountCards(
      this.#db,
      rows.map((r) => r.accountId),
    )
    const members: MemberView[] = rows.map((r) => ({
      accountId: r.accountId,
      displayName: cards.get(r.accountId)?.displayName ?? '',
      role: r.role,
      signupNotices: r.signupNotices,
      self: r.accountId === me.accountId,
    }))
    const invitations =
      role === 'manager'
        ? await listLiveInvitations(this.#db, organisation.id, this.services.clock.now())
        : []
    return { organisation, role, members, invitations }
  }

  /** A manager invites an address with a role; the mail carries a single-use link. */
  async invite(
    actor: Actor | null,
    territory: Territory,
    id: string,
    input: { email: string; role: string },
    linkBase: string,
  ): Promise<void> {
    const me = signedIn(actor, 'organisations:write')
    const organisation = await this.#manager(me, territory, id)
    const email = normaliseEmail(input.email)
    const issues: Issue[] = []
    const problem = emailProblem(email)
    if (problem) issues.push({ field: 'email', key: problem })
    if (!isRole(input.role)) issues.push({ field: 'role', key: 'organisation.invite.role.required' })
    const account = problem ? null : await accountByEmail(this.#db, email)
    if (
      account &&
      account.territoryId === territory.id &&
      (await roleIn(this.#db, organisation.id, account.id))
    )
      issues.push({ field: 'email', key: 'organisation.invite.alreadyMember' })
    if (issues.length > 0 || !isRole(input.role)) throw new ValidationError(issues)
    const { clock, ids, mailer, audit } = this.services
    const token = randomToken()
    const now = clock.now()
    const role = input.role
    await this.#db.transaction(async (tx) => {
      await insertInvitation(tx, {
        id: ids(),
        organisationId: organisation.id,
        email,
        role,
        tokenHash: sha256(token),
        invitedBy: me.accountId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_MS),
        acceptedAt: null,
        acceptedBy: null,
        revokedAt: null,
      })
      await mailer.send({
        tx,
        territory,
        to: email,
        locale: account && isLocale(account.locale) ? account.locale : 'fr',
        template: 'organisation-invite',
        data: {
          link: `${linkBase}/organisations/invitation?jeton=${token}`,
          organisation: organisation.name,
          inviter: me.displayName,
          role,
        },
      })
      await audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'organisation.member-invited',
          targetId: organisation.id,
          details: { role },
        },
        tx,
      )
    })
  }

  async revokeInvitation(actor: Actor | null, territory: Territory, id: string, invitationId: string) {
    const me = signedIn(actor, 'organisations:write')
    const organisation = await this.#manager(me, territory, id)
    if (!isUuid(invitationId)) throw notFound()
    await this.#db.transaction(async (tx) => {
      if (!(await revokeInvitation(tx, organisation.id, invitationId, this.services.clock.now())))
        throw notFound()
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'organisation.invitation-revoked',
          targetId: organisation.id,
        },
        tx,
      )
    })
  }

  /** The invitation a link stands for, or null when it is unknown, used, revoked or expired. */
  async findInvitation(territory: Territory, token: unknown) {
    if (typeof token !== 'string' || !TOKEN.test(token)) return null
    return findLiveInvitation(this.#db, territory.id, sha256(token), this.services.clock.now())
  }

  /** The invited person, signed in with the invited address, joins with the role of the invitation. */
  async accept(
    actor: Actor | null,
    territory: Territory,
    token: unknown,
  ): Promise<{ organisationId: string }> {
    const me = signedIn(actor)
    const found = await this.findInvitation(territory, token)
    if (!found) throw notFound('invitation')
    const { invitation } = found
    if (me.email.trim().toLowerCase() !== invitation.email.trim().toLowerCase())
      throw forbidden('invitation-other-account')
    const now = this.services.clock.now()
    await this.#db.transaction(async (tx) => {
      if (!(await consumeInvitation(tx, invitation.id, me.accountId, now))) throw notFound('invitation')
      const members = await lockMembers(tx, invitation.organisationId)
      if (members.some((m) => m.accountId === me.accountId)) return
      await insertMember(tx, {
        organisationId: invitation.organisationId,
        accountId: me.accountId,
        role: invitation.role,
        signupNotices: 'each',
        joinedAt: now,
      })
      await this.#audit(tx, territory, me, 'organisation.member-joined', invitation.organisationId, {
        role: invitation.role,
        ...(invitation.invitedBy ? { invitedBy: invitation.invitedBy } : {}),
      })
    })
    return { organisationId: invitation.organisationId }
  }

  /** A manager changes a member's role; the last manager cannot be demoted. Others: 404. */
  changeRole(actor: Actor | null, territory: Territory, id: string, accountId: string, role: string) {
    if (!isRole(role))
      throw new ValidationError([{ field: 'role', key: 'organisation.invite.role.required' }])
    return this.#change(actor, territory, id, accountId, 'manager', (rows, target) => {
      if (target.role === role) return null
      if (target.role === 'manager' && managersIn(rows) === 1) return 'last-manager'
      return async (tx) => {
        await setRole(tx, id, accountId, role)
        return { action: 'organisation.member-role-changed', details: { accountId, role } }
      }
    })
  }

  /** A manager removes a member; a member leaves (the account is then the caller's own). */
  remove(actor: Actor | null, territory: Territory, id: string, accountId: string) {
    const self = actor?.accountId === accountId
    return this.#change(actor, territory, id, accountId, self ? 'member' : 'manager', (rows, target) => {
      if (target.role === 'manager' && managersIn(rows) === 1) return 'last-manager'
      return async (tx) => {
        await deleteMember(tx, id, accountId)
        const details: Record<string, string> = self ? {} : { accountId }
        return { action: self ? 'organisation.member-left' : 'organisation.member-removed', details }
      }
    })
  }

  leave(actor: Actor | null, territory: Territory, id: string) {
    return this.remove(actor, territory, id, actor?.accountId ?? '')
  }

  /** Each sign-up, a daily digest, or none: a member's own choice. */
  async setNotices(actor: Actor | null, territory: Territory, id: string, choice: string): Promise<void> {
    const me = signedIn(actor, 'organisations:write')
    const { organisation } = await this.#membership(me, territory, id)
    if (!isSignupNotices(choice))
      throw new ValidationError([{ field: 'signupNotices', key: 'organisation.notices.required' }])
    await setSignupNotices(this.#db, organisation.id, me.accountId, choice)
  }

  /**
   * Locks the member rows, checks the caller's role and the target among them, then applies the
   * change the rule returns (or refuses it): the count of managers is read under the lock.
   */
  async #change(
    actor: Actor | null,
    territory: Territory,
    id: string,
    accountId: string,
    needs: MemberRole,
    rule: (
      rows: MemberRow[],
      target: MemberRow,
    ) =>
      | null
      | 'last-manager'
      | ((tx: DbOrTx) => Promise<{
          action:
            | 'organisation.member-role-changed'
            | 'organisation.member-removed'
            | 'organisation.member-left'
          details: Record<string, string>
        }>),
  ): Promise<MemberChange> {
    const me = signedIn(actor, 'organisations:write')
    await this.#membership(me, territory, id)
    if (!isUuid(accountId)) throw notFound()
    return this.#db.transaction(async (tx) => {
      const rows = await lockMembers(tx, id)
      const mine = rows.find((r) => r.accountId === me.accountId)
      const target = rows.find((r) => r.accountId === accountId)
      if (!mine || (needs === 'manager' && mine.role !== 'manager') || !target) throw notFound()
      const verdict = rule(rows, target)
      if (verdict === 'last-manager') return { kind: 'last-manager' as const }
      if (verdict) {
        const { action, details } = await verdict(tx)
        await this.#audit(tx, territory, me, action, id, details)
      }
      return { kind: 'done' as const }
    })
  }

  #audit(
    tx: DbOrTx,
    territory: Territory,
    me: Actor,
    action: Parameters<AppServices['audit']['record']>[0]['action'],
    organisationId: string,
    details: Record<string, string>,
  ) {
    return this.services.audit.record(
      { territoryId: territory.id, actorId: me.accountId, action, targetId: organisationId, details },
      tx,
    )
  }
}
