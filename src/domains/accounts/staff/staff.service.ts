import { type Actor, can } from '../../../platform/auth/actor.ts'
import type { Permission } from '../../../platform/auth/permissions.ts'
import { forbidden, notFound } from '../../../platform/http/problem.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { ValidationError } from '../../../platform/validation.ts'
import { revokeRole, rolesIn, updateAccount } from '../identity/account.repository.ts'
import type { AccountStatus, StaffRole } from '../identity/account.schema.ts'
import { clearSecondFactor } from '../second-factor/second-factor.repository.ts'
import { type InvitationRow, listPendingInvitations } from './invitation.repository.ts'
import { type JournalEntry, listJournal } from './journal.repository.ts'
import {
  activeAdministrators,
  findTerritoryAccount,
  listTeam,
  searchAccounts,
  type TerritoryAccount,
} from './staff.repository.ts'
import { ACCOUNTS_PER_PAGE, isStaffRole, JOURNAL_PER_PAGE, UUID } from './staff.ts'

export interface TeamMember {
  accountId: string
  displayName: string
  email: string
  status: AccountStatus
  secondFactor: boolean
  roles: StaffRole[]
}

/** Only what the actor's permissions allow, in the territory of the request: checked first, every time. */
function allow(actor: Actor | null, permission: Permission): Actor {
  if (!actor || !can(actor, permission)) throw forbidden()
  return actor
}

/** The administration of a territory's accounts and staff; every query is scoped to that territory. */
export class StaffService {
  constructor(private readonly services: AppServices) {}

  async listAccounts(actor: Actor | null, territory: Territory, input: { query?: string; page?: number }) {
    allow(actor, 'account:manage')
    const query = (input.query ?? '').trim().slice(0, 100)
    const page = Math.max(1, Math.min(input.page ?? 1, 10_000))
    const rows = await searchAccounts(this.services.database.db, territory.id, {
      query,
      limit: ACCOUNTS_PER_PAGE + 1,
      offset: (page - 1) * ACCOUNTS_PER_PAGE,
    })
    return {
      query,
      page,
      accounts: rows.slice(0, ACCOUNTS_PER_PAGE),
      hasNext: rows.length > ACCOUNTS_PER_PAGE,
    }
  }

  /** Another territory's account, or an id that names none, is « not found »: its existence is not told. */
  async account(actor: Actor | null, territory: Territory, id: string): Promise<TerritoryAccount> {
    allow(actor, 'account:manage')
    const found = UUID.test(id)
      ? await findTerritoryAccount(this.services.database.db, territory.id, id)
      : null
    if (!found) throw notFound()
    return found
  }

  /** Suspending ends every session of the account at once; reactivating lets it sign in again. */
  async setStatus(actor: Actor | null, territory: Territory, id: string, status: AccountStatus) {
    const me = allow(actor, 'account:manage')
    const target = await this.account(me, territory, id)
    // An account that lives on another platform is that platform's to suspend; here, its roles can be withdrawn.
    if (target.territoryId !== territory.id)
      throw new ValidationError([{ field: 'status', key: 'admin.account.otherTerritory' }])
    if (status === 'suspended' && target.id === me.accountId)
      throw new ValidationError([{ field: 'status', key: 'admin.account.notYourself' }])
    if (target.status === status) return
    const { database, clock, audit, sessions } = this.services
    await database.db.transaction(async (tx) => {
      await updateAccount(tx, target.id, { status, updatedAt: clock.now() })
      await audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: status === 'suspended' ? 'account.suspended' : 'account.reactivated',
          targetId: target.id,
        },
        tx,
      )
      if (status === 'suspended') await sessions.endAll(target.id, { tx })
    })
  }

  /**
   * For a staff member who lost their phone and recovery codes: forget their second factor and
   * end their sessions; they enrol again at their next sign-in. Never one's own (another
   * administrator must do it, so a stolen session cannot downgrade its own account).
   */
  async resetSecondFactor(actor: Actor | null, territory: Territory, id: string) {
    const me = allow(actor, 'account:manage')
    const target = await this.account(me, territory, id)
    if (target.id === me.accountId)
      throw new ValidationError([{ field: 'secondFactor', key: 'admin.account.notYourself' }])
    if (!target.secondFactor) return
    const { database, clock, audit, sessions } = this.services
    await database.db.transaction(async (tx) => {
      await clearSecondFactor(tx, target.id, clock.now())
      await audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'second-factor.reset',
          targetId: target.id,
        },
        tx,
      )
      await sessions.endAll(target.id, { tx })
    })
  }

  async team(
    actor: Actor | null,
    territory: Territory,
  ): Promise<{ members: TeamMember[]; invitations: InvitationRow[] }> {
    allow(actor, 'staff:manage')
    const { db } = this.services.database
    const members = new Map<string, TeamMember>()
    for (const row of await listTeam(db, territory.id)) {
      const { role, ...member } = row
      const existing = members.get(row.accountId) ?? { ...member, roles: [] }
      existing.roles.push(role)
      members.set(row.accountId, existing)
    }
    const invitations = await listPendingInvitations(db, territory.id, this.services.clock.now())
    return { members: [...members.values()], invitations }
  }

  /**
   * Withdraws one role in this territory. The person's sessions end at once: powers must not
   * outlive the decision. The territory always keeps one active administrator.
   */
  async revokeRole(actor: Actor | null, territory: Territory, accountId: string, role: string) {
    const me = allow(actor, 'staff:manage')
    if (!isStaffRole(role) || !UUID.test(accountId)) throw notFound()
    const { database, audit, sessions } = this.services
    if (!(await rolesIn(database.db, accountId, territory.id)).includes(role)) throw notFound()
    await database.db.transaction(async (tx) => {
      if (role === 'administrator') {
        const admins = await activeAdministrators(tx, territory.id)
        if (admins.length <= 1 && admins.includes(accountId))
          throw new ValidationError([{ field: 'team', key: 'admin.team.lastAdministrator' }])
      }
      await revokeRole(tx, accountId, territory.id, role)
      await audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'role.revoked',
          targetId: accountId,
          details: { role },
        },
        tx,
      )
      await sessions.endAll(accountId, { tx })
    })
  }

  async journal(actor: Actor | null, territory: Territory, cursor?: string) {
    allow(actor, 'audit:read')
    const before = parseCursor(cursor)
    const rows = await listJournal(this.services.database.db, territory.id, {
      ...(before ? { before } : {}),
      limit: JOURNAL_PER_PAGE + 1,
    })
    const entries: JournalEntry[] = rows.slice(0, JOURNAL_PER_PAGE)
    const last = entries.at(-1)
    const next = rows.length > JOURNAL_PER_PAGE && last ? `${last.createdAt.toISOString()}_${last.id}` : null
    return { entries, next, first: !before }
  }
}

/** « 2026-03-16T09:00:00.000Z_<uuid> »; anything else starts from the newest entry. */
function parseCursor(value: string | undefined): { createdAt: Date; id: string } | null {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)_(.+)$/.exec(value ?? '')
  if (!match || !UUID.test(match[2]!)) return null
  const createdAt = new Date(match[1]!)
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]! }
}
