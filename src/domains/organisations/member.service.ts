import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isUuid, ValidationError } from '../../platform/validation.ts'
import { accountCards } from '../accounts/index.ts'
import {
  deleteMember,
  listLiveInvitations,
  listMembers,
  lockMembers,
  type MemberRow,
  managersIn,
  setRole,
  setSignupNotices,
} from './member.repository.ts'
import { membershipOf } from './member-access.ts'
import {
  type MemberRole,
  memberRoles,
  type SignupNotices,
  signupNoticeChoices,
} from './organisation.schema.ts'

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

  /** The members page: its members by name, and the pending invitations for managers. */
  async members(actor: Actor | null, territory: Territory, id: string, scope?: 'organisations:read') {
    const me = signedIn(actor, scope)
    const { organisation, role } = await membershipOf(this.#db, me, territory, id)
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
    const { organisation } = await membershipOf(this.#db, me, territory, id)
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
    await membershipOf(this.#db, me, territory, id)
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
