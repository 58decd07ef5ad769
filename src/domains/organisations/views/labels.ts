import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import type {
  AidStructureType,
  MemberRole,
  OrganisationKind,
  OrganisationStatus,
  SignupNotices,
} from '../organisation.schema.ts'
import type { DecisionReason } from '../organisation.ts'

export const KIND_LABEL: Record<OrganisationKind, MessageKey> = {
  association: 'organisation.kind.association',
  'aid-structure': 'organisation.kind.aid-structure',
  producer: 'organisation.kind.producer',
  workshop: 'organisation.kind.workshop',
  commune: 'organisation.kind.commune',
  partner: 'organisation.kind.partner',
}

export const AID_TYPE_LABEL: Record<AidStructureType, MessageKey> = {
  ccas: 'organisation.aidType.ccas',
  'food-bank': 'organisation.aidType.food-bank',
  ehpad: 'organisation.aidType.ehpad',
  shelter: 'organisation.aidType.shelter',
  school: 'organisation.aidType.school',
  other: 'organisation.aidType.other',
}

export const STATUS_LABEL: Record<OrganisationStatus, MessageKey> = {
  pending: 'organisation.status.pending',
  verified: 'organisation.status.verified',
  refused: 'organisation.status.refused',
  suspended: 'organisation.status.suspended',
}

/** What the status means for those who see an organisation that is not public. */
export const STATUS_HINT: Record<Exclude<OrganisationStatus, 'verified'>, MessageKey> = {
  pending: 'organisation.statusHint.pending',
  refused: 'organisation.statusHint.refused',
  suspended: 'organisation.statusHint.suspended',
}

export const ROLE_LABEL: Record<MemberRole, MessageKey> = {
  manager: 'organisation.role.manager',
  member: 'organisation.role.member',
}

export const NOTICES_LABEL: Record<SignupNotices, MessageKey> = {
  each: 'organisation.notices.each',
  daily: 'organisation.notices.daily',
  none: 'organisation.notices.none',
}

export const REASON_LABEL: Record<DecisionReason, MessageKey> = {
  'unknown-register': 'organisation.reason.unknown-register',
  'not-free': 'organisation.reason.not-free',
  documents: 'organisation.reason.documents',
  duplicate: 'organisation.reason.duplicate',
  conduct: 'organisation.reason.conduct',
  other: 'organisation.reason.other',
}

/** The organisation's history in words; the same keys name these actions in the audit log. */
export const HISTORY_LABEL: Record<string, MessageKey> = {
  'organisation.created': 'organisation.audit.created',
  'organisation.changed': 'organisation.audit.changed',
  'organisation.verified': 'organisation.audit.verified',
  'organisation.refused': 'organisation.audit.refused',
  'organisation.suspended': 'organisation.audit.suspended',
  'organisation.reinstated': 'organisation.audit.reinstated',
  'organisation.member-invited': 'organisation.audit.memberInvited',
  'organisation.invitation-revoked': 'organisation.audit.invitationRevoked',
  'organisation.member-joined': 'organisation.audit.memberJoined',
  'organisation.member-role-changed': 'organisation.audit.memberRoleChanged',
  'organisation.member-removed': 'organisation.audit.memberRemoved',
  'organisation.member-left': 'organisation.audit.memberLeft',
  'organisation.delegated': 'organisation.audit.delegated',
  'organisation.history-read': 'organisation.audit.historyRead',
  'organisation.logo-changed': 'organisationLogo.audit.changed',
}
