import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { hostsOf, toTerritory } from '../../platform/tenancy/tenancy.repository.ts'
import { territories, territoryHosts } from '../../platform/tenancy/territory.schema.ts'
import type {
  Territory,
  TerritoryLegalDetails,
  TerritoryNameForms,
} from '../../platform/tenancy/territory.ts'

export type NewTerritory = Omit<
  Territory,
  | 'hostnames'
  | 'crisisMode'
  | 'isDemo'
  | 'crisisMessage'
  | 'helplinePhone'
  | 'helplineHours'
  | 'reviewPolicy'
  | 'dispatchDelayHours'
  | 'institutionUrl'
  | 'nameForms'
  | 'legalDetails'
> &
  Partial<
    Pick<
      Territory,
      | 'crisisMessage'
      | 'helplinePhone'
      | 'helplineHours'
      | 'reviewPolicy'
      | 'dispatchDelayHours'
      | 'institutionUrl'
      | 'nameForms'
      | 'legalDetails'
    >
  > & {
    hostnames: string[]
    crisisMode?: boolean
    isDemo?: boolean
  }

export async function listTerritories(db: DbOrTx): Promise<Territory[]> {
  const rows = await db.select().from(territories).orderBy(asc(territories.slug))
  return Promise.all(rows.map(async (row) => toTerritory(row, await hostsOf(db, row.id))))
}

export async function countTerritories(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(territories)
  return row?.n ?? 0
}

export async function hostTaken(db: DbOrTx, hostname: string): Promise<boolean> {
  const rows = await db.select().from(territoryHosts).where(eq(territoryHosts.hostname, hostname))
  return rows.length > 0
}

export async function slugTaken(db: DbOrTx, slug: string): Promise<boolean> {
  const rows = await db.select({ id: territories.id }).from(territories).where(eq(territories.slug, slug))
  return rows.length > 0
}

export async function insertTerritory(db: DbOrTx, input: NewTerritory, now: Date): Promise<void> {
  const { hostnames, ...fields } = input
  await db.insert(territories).values({ ...fields, createdAt: now, updatedAt: now })
  if (hostnames.length > 0) {
    await db.insert(territoryHosts).values(hostnames.map((hostname) => ({ hostname, territoryId: input.id })))
  }
}

export type TerritoryUpdate = Pick<
  Territory,
  | 'platformName'
  | 'officialName'
  | 'presentation'
  | 'logoUrl'
  | 'primaryColor'
  | 'contactEmail'
  | 'legalNotice'
  | 'charter'
  | 'crisisMode'
>

export async function updateTerritory(
  db: DbOrTx,
  id: string,
  fields: TerritoryUpdate,
  hosts: { add: string[]; remove: string[] },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(territories)
      .set({ ...fields, updatedAt: now })
      .where(eq(territories.id, id))
    if (hosts.remove.length > 0) {
      await tx
        .delete(territoryHosts)
        .where(and(eq(territoryHosts.territoryId, id), inArray(territoryHosts.hostname, hosts.remove)))
    }
    if (hosts.add.length > 0) {
      await tx.insert(territoryHosts).values(hosts.add.map((hostname) => ({ hostname, territoryId: id })))
    }
  })
}

/** The phone line's number (E.164) and hours; null clears them. */
export async function updateHelpline(
  db: DbOrTx,
  id: string,
  fields: Pick<Territory, 'helplinePhone' | 'helplineHours'>,
  now: Date,
): Promise<void> {
  await db
    .update(territories)
    .set({ ...fields, updatedAt: now })
    .where(eq(territories.id, id))
}

/** The settings administrators edit: the institution's link, the name forms, the legal details. */
export async function updateSettings(
  db: DbOrTx,
  id: string,
  fields: {
    institutionUrl: string | null
    nameForms: Partial<TerritoryNameForms>
    legalDetails: TerritoryLegalDetails
    smsDailyCap: number
  },
  now: Date,
): Promise<void> {
  await db
    .update(territories)
    .set({ ...fields, updatedAt: now })
    .where(eq(territories.id, id))
}

/** Where the header finds the logo: the served image with its hash, so a new one is fetched at once. */
export async function setLogoUrl(db: DbOrTx, id: string, logoUrl: string | null, now: Date): Promise<void> {
  await db.update(territories).set({ logoUrl, updatedAt: now }).where(eq(territories.id, id))
}

/** The settings as stored, without the forms derived for what is missing. */
export async function storedSettings(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      institutionUrl: territories.institutionUrl,
      nameForms: territories.nameForms,
      legalDetails: territories.legalDetails,
      smsDailyCap: territories.smsDailyCap,
    })
    .from(territories)
    .where(eq(territories.id, id))
  return row ?? null
}
