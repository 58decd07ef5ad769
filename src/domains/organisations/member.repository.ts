import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import {
  type MemberRole,
  organisationInvitations,
  organisationMembers,
  organisations,
  type SignupNotices,
} from './organisation.schema.ts'

export type MemberRow = typeof organisationMembers.$inferSelect
export type InvitationRow = typeof organisationInvitations.$inferSelect

export async function insertMember(db: DbOrTx, row: MemberRow): Promise<void> {
  await db.insert(organisationMembers).values(row)
}

export async function listMembers(db: DbOrTx, organisationId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(organisationMembers)
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(asc(organisationMembers.joinedAt), asc(organisationMembers.accountId))
}

/**
 * Every member row of the organisation, locked until the transaction ends: two managers leaving
 * at the same moment are taken one after the other, so the second sees that he is the last.
 */
export async function lockMembers(db: DbOrTx, organisationId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(organisationMembers)
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(asc(organisationMembers.accountId))
    .for('update')
}

const one = (organisationId: string, accountId: string) =>
  and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.accountId, accountId))

export async function setRole(db: DbOrTx, organisationId: string, accountId: string, role: MemberRole) {
  await db.update(organisationMembers).set({ role }).where(one(organisationId, accountId))
}

export async function deleteMember(db: DbOrTx, organisationId: string, accountId: string): Promise<void> {
  await db.delete(organisationMembers).where(one(organisationId, accountId))
}

export async function setSignupNotices(
  db: DbOrTx,
  organisationId: string,
  accountId: string,
  choice: SignupNotices,
): Promise<boolean> {
  const rows = await db
    .update(organisationMembers)
    .set({ signupNotices: choice })
    .where(one(organisationId, accountId))
    .returning({ id: organisationMembers.accountId })
  return rows.length > 0
}

/** Every membership of the person in the territory, with the organisation's status. */
export async function membershipsWithNotices(db: DbOrTx, territoryId: string, accountId: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      status: organisations.status,
      role: organisationMembers.role,
      signupNotices: organisationMembers.signupNotices,
    })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(and(eq(organisationMembers.accountId, accountId), eq(organisations.territoryId, territoryId)))
    .orderBy(asc(organisations.name))
}

export async function insertInvitation(db: DbOrTx, row: InvitationRow): Promise<void> {
  await db.insert(organisationInvitations).values(row)
}

const live = (now: Date) =>
  and(
    isNull(organisationInvitations.acceptedAt),
    isNull(organisationInvitations.revokedAt),
    gt(organisationInvitations.expiresAt, now),
  )

/** The invitation a link stands for, if it is of this territory, neither used, revoked nor expired. */
export async function findLiveInvitation(db: DbOrTx, territoryId: string, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ invitation: organisationInvitations, organisationName: organisations.name })
    .from(organisationInvitations)
    .innerJoin(organisations, eq(organisations.id, organisationInvitations.organisationId))
    .where(
      and(
        eq(organisationInvitations.tokenHash, tokenHash),
        eq(organisations.territoryId, territoryId),
        live(now),
      ),
    )
  return row ?? null
}

export async function listLiveInvitations(db: DbOrTx, organisationId: string, now: Date) {
  return db
    .select()
    .from(organisationInvitations)
    .where(and(eq(organisationInvitations.organisationId, organisationId), live(now)))
    .orderBy(desc(organisationInvitations.createdAt))
    .limit(100)
}

/** Marks the link used; false if it was used, revoked or expired meanwhile: it admits only once. */
export async function consumeInvitation(db: DbOrTx, id: string, accountId: string, now: Date) {
  const rows = await db
    .update(organisationInvitations)
    .set({ acceptedAt: now, acceptedBy: accountId })
    .where(and(eq(organisationInvitations.id, id), live(now)))
    .returning({ id: organisationInvitations.id })
  return rows.length > 0
}

export async function revokeInvitation(db: DbOrTx, organisationId: string, id: string, now: Date) {
  const rows = await db
    .update(organisationInvitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(organisationInvitations.id, id),
        eq(organisationInvitations.organisationId, organisationId),
        live(now),
      ),
    )
    .returning({ id: organisationInvitations.id })
  return rows.length > 0
}

/** How many managers the locked rows hold: what leaving, removing and demoting must keep above zero. */
export const managersIn = (rows: MemberRow[]) => rows.filter((r) => r.role === 'manager').length
