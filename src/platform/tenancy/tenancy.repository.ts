import { asc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../db/client.ts'
import { resolveNameForms } from './name-forms.ts'
import { territories, territoryHosts } from './territory.schema.ts'
import type { Territory } from './territory.ts'

type TerritoryRow = typeof territories.$inferSelect

export function toTerritory(row: TerritoryRow, hostnames: string[]): Territory {
  return {
    id: row.id,
    slug: row.slug,
    departements: row.departements,
    officialName: row.officialName,
    platformName: row.platformName,
    presentation: row.presentation,
    logoUrl: row.logoUrl,
    institutionUrl: row.institutionUrl,
    nameForms: resolveNameForms(row.nameForms, row.officialName, row.platformName),
    legalDetails: row.legalDetails ?? {},
    primaryColor: row.primaryColor,
    contactEmail: row.contactEmail,
    legalNotice: row.legalNotice,
    charter: row.charter,
    crisisMode: row.crisisMode,
    crisisMessage: row.crisisMessage,
    helplinePhone: row.helplinePhone,
    helplineHours: row.helplineHours,
    reviewPolicy: row.reviewPolicy,
    dispatchDelayHours: row.dispatchDelayHours,
    isDemo: row.isDemo,
    hostnames,
  }
}

export async function hostsOf(db: DbOrTx, territoryId: string): Promise<string[]> {
  const rows = await db
    .select({ hostname: territoryHosts.hostname })
    .from(territoryHosts)
    .where(eq(territoryHosts.territoryId, territoryId))
    .orderBy(asc(territoryHosts.hostname))
  return rows.map((r) => r.hostname)
}

export async function findTerritoryByHost(db: DbOrTx, hostname: string): Promise<Territory | null> {
  const [row] = await db
    .select({ territory: territories })
    .from(territoryHosts)
    .innerJoin(territories, eq(territories.id, territoryHosts.territoryId))
    .where(eq(territoryHosts.hostname, hostname))
  return row ? toTerritory(row.territory, await hostsOf(db, row.territory.id)) : null
}

/** By slug or by one of its département codes, as an operator names it on the command line. */
export async function findTerritoryByKey(db: DbOrTx, key: string): Promise<Territory | null> {
  const [row] = await db
    .select()
    .from(territories)
    .where(sql`${territories.slug} = ${key} OR ${key} = ANY(${territories.departements})`)
    .orderBy(asc(territories.createdAt))
    .limit(1)
  return row ? toTerritory(row, await hostsOf(db, row.id)) : null
}
