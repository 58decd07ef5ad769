import type { Clock, IdGenerator } from '../clock.ts'
import type { Database, DbOrTx } from '../db/client.ts'
import { insertAudit, listAudit } from './audit.repository.ts'

export const auditActions = [
  'login',
  'login.failed',
  'login.second-factor',
  'login.second-factor.failed',
  'logout',
  'session.ended',
  'signup',
  'signup.existing',
  'email.verified',
  'email.changed',
  'password.changed',
  'password.reset',
  'second-factor.enabled',
  'second-factor.recovery-used',
  'second-factor.recovery-renewed',
  'second-factor.reset',
  'role.granted',
  'role.revoked',
  'account.suspended',
  'account.reactivated',
  'staff.invited',
  'token.created',
  'token.revoked',
  'listing.published',
  'listing.rejected',
  'report.handled',
  'report.dismissed',
  'report.message-read',
  'volunteer.verified',
  'volunteer.revoked',
  'organisation.created',
  'organisation.changed',
  'organisation.verified',
  'organisation.refused',
  'organisation.suspended',
  'organisation.reinstated',
  'organisation.member-invited',
  'organisation.invitation-revoked',
  'organisation.member-joined',
  'organisation.member-role-changed',
  'organisation.member-removed',
  'organisation.member-left',
  'organisation.delegated',
  'organisation.history-read',
  'need.published',
  'need.rejected',
  'organisation.logo-changed',
  'mission.posted',
  'mission.edited',
  'mission.closed',
  'mission.slot-cancelled',
  'mission.published',
  'mission.rejected',
  'campaign.request-priority',
  'campaign.request-refused',
  'campaign.allocation-applied',
  'campaign.allocation-discarded',
  'campaign.created',
  'campaign.edited',
  'campaign.opened',
  'campaign.closed',
  'campaign.point-saved',
  'campaign.file-changed',
  'campaign.highlighted',
  'campaign.unhighlighted',
  'campaign.batch-confirmed',
  'campaign.batch-refused',
  'campaign.stock-lost',
  'campaign.stock-corrected',
  'producer.changed',
  'producer.highlighted',
  'producer.highlight-removed',
  'territory.helpline-changed',
  'territory.help-point-changed',
  'territory.settings-changed',
  'territory.logo-changed',
  'calls.registered',
  'calls.withdrawn',
  'calls.paired',
  'calls.unpaired',
  'calls.phone-revealed',
  'calls.campaign-started',
  'calls.campaign-ended',
  'crisis.started',
  'crisis.ended',
  'crisis.template-changed',
  'callout.sent',
  'phone.person-created',
  'phone.person-viewed',
  'phone.person-changed',
  'phone.consent-withdrawn',
  'phone.person-linked',
  'phone.sms-consent',
  'phone.case-opened',
  'phone.case-closed',
  'phone.accepted-for-person',
  'phone.settings-changed',
  'moderation.decided',
  'moderation.content-read',
  'moderation.policy-changed',
  'account.warned',
  'account.banned',
  'sanction.lifted',
  'appeal.filed',
  'appeal.granted',
  'appeal.upheld',
  'listing.hidden',
  'listing.change-requested',
  'dispatch.proposed',
  'dispatch.accepted',
  'dispatch.plan-sent',
  'dispatch.settings-changed',
  'statistics.exported',
] as const
export type AuditAction = (typeof auditActions)[number]

export interface AuditEntry {
  territoryId: string | null
  actorId: string | null
  action: AuditAction
  targetId?: string | null
  /** ids and codes only: never a password, token, email address or text a person wrote */
  details?: Record<string, string | number | boolean>
}

export class AuditLog {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Written in the caller's transaction when given, so the trace and the change stand or fall together. */
  record(entry: AuditEntry, tx?: DbOrTx): Promise<void> {
    return insertAudit(tx ?? this.database.db, {
      id: this.ids(),
      territoryId: entry.territoryId,
      actorId: entry.actorId,
      action: entry.action,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
      createdAt: this.clock.now(),
    })
  }

  list(territoryId: string, options: { before?: Date; limit?: number } = {}) {
    return listAudit(this.database.db, territoryId, { before: options.before, limit: options.limit ?? 50 })
  }
}
