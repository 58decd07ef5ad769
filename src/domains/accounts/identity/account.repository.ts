import { and, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { accounts, type NotificationPreferences, roleAssignments, type StaffRole } from './account.schema.ts'

export type AccountRow = typeof accounts.$inferSelect
export type NewAccountRow = typeof accounts.$inferInsert

export async function insertAccount(db: DbOrTx, row: NewAccountRow): Promise<void> {
  await db.insert(accounts).values(row)
}

/**
 * What other parts may know of an account: who it is, how to reach it and what it chose; never its
 * password, its second factor or its sign-in history.
 */
const publicColumns = {
  id: accounts.id,
  territoryId: accounts.territoryId,
  email: accounts.email,
  emailVerifiedAt: accounts.emailVerifiedAt,
  displayName: accounts.displayName,
  communeInsee: accounts.communeInsee,
  phone: accounts.phone,
  locale: accounts.locale,
  easyRead: accounts.easyRead,
  radiusKm: accounts.radiusKm,
  notifications: accounts.notifications,
  /** the person asked for notices by SMS too (null: no) */
  smsConsentAt: accounts.smsConsentAt,
  status: accounts.status,
  createdAt: accounts.createdAt,
}
export type AccountCard = Pick<AccountRow, keyof typeof publicColumns>

/** What the person's own profile shows and edits: the card, the interests and the volunteer fields. */
const profileColumns = {
  ...publicColumns,
  interests: accounts.interests,
  availability: accounts.availability,
  languages: accounts.languages,
  acceptsProposals: accounts.acceptsProposals,
}
export type ProfileAccount = Pick<AccountRow, keyof typeof profileColumns>

export async function findProfileAccount(db: DbOrTx, id: string): Promise<ProfileAccount | null> {
  const [row] = await db.select(profileColumns).from(accounts).where(eq(accounts.id, id))
  return row ?? null
}

/**
 * What a page shows of a person, as columns another domain adds to the statement that reads its
 * own row (a lookup by primary key inside it), so naming the author costs no second query and
 * reads nothing else of the account. `accountId` is the other table's column or a value.
 */
export function personColumns(accountId: SQLWrapper | string): {
  displayName: SQL<string | null>
  memberSince: SQL<Date | null>
  communeInsee: SQL<string | null>
} {
  const id = typeof accountId === 'string' ? sql`${accountId}` : accountId
  const column = (c: SQLWrapper) => sql`(select ${c} from ${accounts} where ${accounts.id} = ${id})`
  return {
    displayName: column(accounts.displayName).mapWith(accounts.displayName),
    memberSince: column(accounts.createdAt).mapWith(accounts.createdAt),
    communeInsee: column(accounts.communeInsee).mapWith(accounts.communeInsee),
  }
}

/** Many accounts in one query, for lists that show several people. */
export async function findAccountCards(db: DbOrTx, ids: readonly string[]): Promise<AccountCard[]> {
  if (ids.length === 0) return []
  return db
    .select(publicColumns)
    .from(accounts)
    .where(inArray(accounts.id, [...new Set(ids)]))
}

/** The card of the account with this address (compared without case), for other domains. */
export async function findAccountCardByEmail(db: DbOrTx, email: string): Promise<AccountCard | null> {
  const [card] = await db
    .select(publicColumns)
    .from(accounts)
    .where(sql`lower(${accounts.email}) = lower(${email.trim()})`)
  return card ?? null
}

/**
 * Who is calling, for every signed-in request: what the actor carries and, when a territory is
 * given, the staff roles held there, in one statement; never the password hash or the secrets.
 */
/**
 * What a request knows of the person calling: never the password hash nor a second-factor secret,
 * and of the phone only whether there is one (to offer sharing it).
 */
export const actorColumns = {
  id: accounts.id,
  displayName: accounts.displayName,
  email: accounts.email,
  emailVerifiedAt: accounts.emailVerifiedAt,
  status: accounts.status,
  locale: accounts.locale,
  easyRead: accounts.easyRead,
  totpEnabledAt: accounts.totpEnabledAt,
  hasPhone: sql<boolean>`coalesce(${accounts.phone}, '') <> ''`,
}

/** What a request knows of the person calling: actorColumns, and their staff roles in the territory. */
export type ActorAccount = SelectResultFields<typeof actorColumns> & { roles: StaffRole[] }

export async function findAccountById(db: DbOrTx, id: string): Promise<AccountRow | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id))
  return row ?? null
}

/** Addresses are compared without case: « Zoe@Exemple.fr » and « zoe@exemple.fr » are one person. */
export async function findAccountByEmail(db: DbOrTx, email: string): Promise<AccountRow | null> {
  const [row] = await db.select().from(accounts).where(sql`lower(${accounts.email}) = lower(${email.trim()})`)
  return row ?? null
}

/** The SMS opt-in of the territory's accounts with this number ends (a « STOP »). */
export async function clearSmsConsent(
  db: DbOrTx,
  territoryId: string,
  phone: string,
  at: Date,
): Promise<void> {
  await db
    .update(accounts)
    .set({ smsConsentAt: null, updatedAt: at })
    .where(
      and(
        eq(accounts.territoryId, territoryId),
        eq(accounts.phone, phone),
        sql`${accounts.smsConsentAt} is not null`,
      ),
    )
}

export async function updateAccount(
  db: DbOrTx,
  id: string,
  fields: Partial<Omit<AccountRow, 'id' | 'territoryId' | 'createdAt'>>,
): Promise<void> {
  await db.update(accounts).set(fields).where(eq(accounts.id, id))
}

export async function rolesIn(db: DbOrTx, accountId: string, territoryId: string): Promise<StaffRole[]> {
  const rows = await db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.accountId, accountId), eq(roleAssignments.territoryId, territoryId)))
  return rows.map((r) => r.role).sort()
}

/** Does the account hold a staff role anywhere? Its sessions are then short and need a second factor. */
export async function holdsAnyRole(db: DbOrTx, accountId: string): Promise<boolean> {
  const rows = await db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(eq(roleAssignments.accountId, accountId))
    .limit(1)
  return rows.length > 0
}

export async function grantRole(
  db: DbOrTx,
  row: { accountId: string; territoryId: string; role: StaffRole; grantedBy: string | null; grantedAt: Date },
): Promise<void> {
  await db.insert(roleAssignments).values(row).onConflictDoNothing()
}

export async function revokeRole(
  db: DbOrTx,
  accountId: string,
  territoryId: string,
  role: StaffRole,
): Promise<void> {
  await db
    .delete(roleAssignments)
    .where(
      and(
        eq(roleAssignments.accountId, accountId),
        eq(roleAssignments.territoryId, territoryId),
        eq(roleAssignments.role, role),
      ),
    )
}

/**
 * Sets one preference of an account in a single statement, so that a profile saved at the same
 * moment keeps its other choices. False when the account does not exist.
 */
export async function setNotificationFrequency(
  db: DbOrTx,
  accountId: string,
  type: string,
  frequency: NotificationPreferences[string],
): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({
      notifications: sql`${accounts.notifications} || jsonb_build_object(${type}::text, ${frequency}::text)`,
    })
    .where(eq(accounts.id, accountId))
    .returning({ id: accounts.id })
  return rows.length > 0
}
