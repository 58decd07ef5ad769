import { and, desc, eq, lt, ne, sql } from 'drizzle-orm'
import type { StaffRole } from '../../../platform/auth/roles.ts'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { type ActorAccount, actorColumns } from '../identity/account.repository.ts'
import { accounts, roleAssignments } from '../identity/account.schema.ts'
import { sessions } from './session.schema.ts'

export type SessionRow = typeof sessions.$inferSelect

export async function insertSession(db: DbOrTx, row: SessionRow): Promise<void> {
  await db.insert(sessions).values(row)
}

export async function findSession(db: DbOrTx, idHash: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.idHash, idHash))
  return row ?? null
}

/**
 * A session with its account and the account's staff roles in the session's territory: what
 * every signed-in request needs, in one statement rather than three.
 */
export async function findSessionWithAccount(
  db: DbOrTx,
  idHash: string,
): Promise<{ session: SessionRow; account: Omit<ActorAccount, 'roles'>; roles: StaffRole[] } | null> {
  const roles = sql<
    StaffRole[]
  >`array(select ${roleAssignments.role} from ${roleAssignments} where ${roleAssignments.accountId} = ${sessions.accountId} and ${roleAssignments.territoryId} = ${sessions.territoryId} order by ${roleAssignments.role})::text[]`
  // An account's sessions go with it (foreign key, cascade): a session always has its account.
  const [row] = await db
    .select({ session: sessions, account: actorColumns, roles })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.idHash, idHash))
  return row ? { ...row, roles: [...row.roles].sort() } : null
}

export async function touchSession(
  db: DbOrTx,
  idHash: string,
  lastSeenAt: Date,
  expiresAt: Date,
): Promise<void> {
  await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.idHash, idHash))
}

export async function deleteSession(db: DbOrTx, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash))
}

/** Ends the account's sessions, but for the one given (the person's current device). */
export async function deleteAccountSessions(db: DbOrTx, accountId: string, except?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(
      except
        ? and(eq(sessions.accountId, accountId), ne(sessions.idHash, except))
        : eq(sessions.accountId, accountId),
    )
    .returning({ idHash: sessions.idHash })
  return rows.length
}

export async function listAccountSessions(db: DbOrTx, accountId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(eq(sessions.accountId, accountId))
    .orderBy(desc(sessions.lastSeenAt))
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, now))
    .returning({ idHash: sessions.idHash })
  return rows.length
}
