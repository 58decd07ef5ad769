import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { organisationMembers, type SignupNotices } from './organisation.schema.ts'

export type { SignupNotices }

/** A manager to tell of volunteers signing up or withdrawing, and how they chose to hear of it. */
export interface NoticeRecipient {
  accountId: string
  signupNotices: SignupNotices
}

/**
 * The organisation's managers with their choice (each time, a daily digest, or not): the
 * missions domain decides what to send, organisations only say who runs it.
 */
export async function noticeRecipients(db: DbOrTx, organisationId: string): Promise<NoticeRecipient[]> {
  return db
    .select({ accountId: organisationMembers.accountId, signupNotices: organisationMembers.signupNotices })
    .from(organisationMembers)
    .where(
      and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.role, 'manager')),
    )
    .orderBy(organisationMembers.joinedAt)
}
