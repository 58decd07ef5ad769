import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../../platform/db/client.ts'
import { communes } from '../../../platform/geo/commune.schema.ts'
import { type AccountStatus, accounts, roleAssignments, type StaffRole } from '../identity/account.schema.ts'
import { likePattern } from './staff.ts'

export interface TerritoryAccount {
  id: string
  /** the account's home territory: only there may its status be changed */
  territoryId: string
  displayName: string
  email: string
  communeInsee: string
  communeName: string | null
  status: AccountStatus
  /** roles held in the territory being administered */
  roles: StaffRole[]
  emailVerified: boolean
  secondFactor: boolean
  createdAt: Date
  lastLoginAt: Date | null
}

/** A territory's accounts: those who live there, and staff from elsewhere who hold a role in it. */
function belongsTo(territoryId: string): SQL {
  return or(
    eq(accounts.territoryId, territoryId),
    sql`exists (select 1 from ${roleAssignments} where ${roleAssignments.accountId} = ${accounts.id} and ${roleAssignments.territoryId} = ${territoryId})`,
  )!
}

function columns(territoryId: string) {
  return {
    id: accounts.id,
    territoryId: accounts.territoryId,
    displayName: accounts.displayName,
    email: accounts.email,
    communeInsee: accounts.communeInsee,
    communeName: communes.name,
    status: accounts.status,
    roles: sql<
      StaffRole[]
    >`array(select ${roleAssignments.role} from ${roleAssignments} where ${roleAssignments.accountId} = ${accounts.id} and ${roleAssignments.territoryId} = ${territoryId} order by 1)`,
    emailVerified: sql<boolean>`${accounts.emailVerifiedAt} is not null`,
    secondFactor: sql<boolean>`${accounts.totpEnabledAt} is not null`,
    createdAt: accounts.createdAt,
    lastLoginAt: accounts.lastLoginAt,
  }
}

/**
 * Newest first, a page at a time. The search ignores case and accents in names (« Hélène »
 * finds « helene ») and matches part of the address; % and _ typed by a person are literal.
 */
export async function searchAccounts(
  db: DbOrTx,
  territoryId: string,
  options: { query: string; limit: number; offset: number },
): Promise<TerritoryAccount[]> {
  const pattern = likePattern(options.query)
  const search = options.query
    ? sql`(unaccent(lower(${accounts.displayName})) like unaccent(lower(${pattern})) or lower(${accounts.email}) like lower(${pattern}))`
    : undefined
  return db
    .select(columns(territoryId))
    .from(accounts)
    .leftJoin(communes, eq(communes.insee, accounts.communeInsee))
    .where(and(belongsTo(territoryId), search))
    .orderBy(desc(accounts.createdAt), desc(accounts.id))
    .limit(options.limit)
    .offset(options.offset)
}

/** The account if it belongs to the territory; another territory's account is not found. */
export async function findTerritoryAccount(
  db: DbOrTx,
  territoryId: string,
  id: string,
): Promise<TerritoryAccount | null> {
  const [row] = await db
    .select(columns(territoryId))
    .from(accounts)
    .leftJoin(communes, eq(communes.insee, accounts.communeInsee))
    .where(and(eq(accounts.id, id), belongsTo(territoryId)))
  return row ?? null
}

export interface TeamRow {
  accountId: string
  displayName: string
  email: string
  status: AccountStatus
  secondFactor: boolean
  role: StaffRole
}

export async function listTeam(db: DbOrTx, territoryId: string): Promise<TeamRow[]> {
  return db
    .select({
      accountId: accounts.id,
      displayName: accounts.displayName,
      email: accounts.email,
      status: accounts.status,
      secondFactor: sql<boolean>`${accounts.totpEnabledAt} is not null`,
      role: roleAssignments.role,
    })
    .from(roleAssignments)
    .innerJoin(accounts, eq(accounts.id, roleAssignments.accountId))
    .where(eq(roleAssignments.territoryId, territoryId))
    .orderBy(asc(accounts.displayName), asc(accounts.id), asc(roleAssignments.role))
}

/**
 * Administrators who can still act (a suspended one does not count). Inside a transaction the
 * rows are locked, so two administrators removing each other at once cannot leave none.
 */
export async function activeAdministrators(db: DbOrTx, territoryId: string): Promise<string[]> {
  const rows = await db
    .select({ accountId: roleAssignments.accountId })
    .from(roleAssignments)
    .innerJoin(accounts, eq(accounts.id, roleAssignments.accountId))
    .where(
      and(
        eq(roleAssignments.territoryId, territoryId),
        eq(roleAssignments.role, 'administrator'),
        eq(accounts.status, 'active'),
      ),
    )
    .for('update', { of: roleAssignments })
  return rows.map((r) => r.accountId)
}

/** The territory's largest commune (its chef-lieu, most often): a default the person can change. */
export async function largestCommune(db: DbOrTx, departements: string[]): Promise<string | null> {
  const [row] = await db
    .select({ insee: communes.insee })
    .from(communes)
    .where(inArray(communes.departement, departements))
    .orderBy(desc(communes.population))
    .limit(1)
  return row?.insee ?? null
}
