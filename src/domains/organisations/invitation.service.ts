import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { randomToken, sha256 } from '../../platform/auth/secrets.ts'
import { forbidden, notFound } from '../../platform/http/problem.ts'
import { isLocale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid, ValidationError } from '../../platform/validation.ts'
import { accountByEmail, emailProblem, normaliseEmail } from '../accounts/index.ts'
import {
  consumeInvitation,
  findLiveInvitation,
  insertInvitation,
  insertMember,
  lockMembers,
  revokeInvitation,
} from './member.repository.ts'
import { managedBy } from './member-access.ts'
import { roleIn } from './membership.repository.ts'
import { type MemberRole, memberRoles } from './organisation.schema.ts'

/** An invitation's link holds for two weeks. */
export const INVITATION_MS = 14 * 24 * 60 * 60 * 1000
const TOKEN = /^[\w-]{43}$/
/** Each invitation is a mail to an address someone typed: a day's invitations per person are bounded. */
export const INVITE_LIMIT = { max: 50, windowMs: 24 * 60 * 60 * 1000 }
const isRole = (v: string): v is MemberRole => (memberRoles as readonly string[]).includes(v)

/**
 * Joining an organisation by invitation: a manager names an address and a role, the mail's link
 * (kept as a hash, single use, 14 days) is accepted by the account with that address.
 */
export class InvitationService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
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
    const organisation = await managedBy(this.#db, me, territory, id)
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
      await this.services.rateLimiter.hit(`organisation:invite:${me.accountId}`, INVITE_LIMIT, tx)
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
    const organisation = await managedBy(this.#db, me, territory, id)
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
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'organisation.member-joined',
          targetId: invitation.organisationId,
          details: {
            role: invitation.role,
            ...(invitation.invitedBy ? { invitedBy: invitation.invitedBy } : {}),
          },
        },
        tx,
      )
    })
    return { organisationId: invitation.organisationId }
  }
}
