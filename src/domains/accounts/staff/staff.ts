import type { MessageKey } from '../../../platform/i18n/i18n.ts'
import { type AccountStatus, roles, type StaffRole } from '../identity/account.schema.ts'

/** An invitation link works for a week, once. */
export const INVITATION_MS = 7 * 86_400_000
export const ACCOUNTS_PER_PAGE = 25
export const JOURNAL_PER_PAGE = 50

export const ROLE_LABEL = {
  moderator: 'staff.role.moderator',
  agent: 'staff.role.agent',
  coordinator: 'staff.role.coordinator',
  administrator: 'staff.role.administrator',
} as const satisfies Record<StaffRole, MessageKey>

/** What each role lets a person do, shown on the staff home and in the invitation. */
export const ROLE_DESCRIPTION = {
  moderator: 'staff.role.moderator.description',
  agent: 'staff.role.agent.description',
  coordinator: 'staff.role.coordinator.description',
  administrator: 'staff.role.administrator.description',
} as const satisfies Record<StaffRole, MessageKey>

export const STATUS_LABEL = {
  active: 'admin.status.active',
  suspended: 'admin.status.suspended',
} as const satisfies Record<AccountStatus, MessageKey>

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

/** One address, no display name or list: what a person types in an « email » field. */
export const EMAIL = /^[^\s@<>,;"]{1,64}@[^\s@<>,;"]+\.[^\s@<>,;"]+$/

export function normaliseEmail(input: string): string {
  return input.trim().toLowerCase()
}

/** Ids in addresses are UUIDs; anything else cannot name an account and is simply not found. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A search typed by a person becomes a LIKE pattern that matches it literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
