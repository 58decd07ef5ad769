import { and, asc, count, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import {
  type OrganisationKind,
  type OrganisationStatus,
  organisationLogos,
  organisations,
} from './organisation.schema.ts'
import { recordOrganisationCreated } from './organisation-stats.ts'

const columns = {
  id: organisations.id,
  territoryId: organisations.territoryId,
  name: organisations.name,
  kind: organisations.kind,
  aidType: organisations.aidType,
  siret: organisations.siret,
  rna: organisations.rna,
  communeInsee: organisations.communeInsee,
  latitude: organisations.latitude,
  longitude: organisations.longitude,
  description: organisations.description,
  contactKind: organisations.contactKind,
  contactValue: organisations.contactValue,
  status: organisations.status,
  statusReason: organisations.statusReason,
  verifiedAt: organisations.verifiedAt,
  verifiedBy: organisations.verifiedBy,
  createdBy: organisations.createdBy,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
  hasLogo: sql<boolean>`exists (select 1 from ${organisationLogos} where ${organisationLogos.organisationId} = ${organisations.id})`,
}

/** An organisation as its pages and the API read it (its search vector left out). */
export type Organisation = Omit<typeof organisations.$inferSelect, 'searchVector'> & { hasLogo: boolean }
export type NewOrganisation = Omit<typeof organisations.$inferInsert, 'searchVector'>

export async function insertOrganisation(db: DbOrTx, row: NewOrganisation): Promise<void> {
  await db.insert(organisations).values(row)
  await recordOrganisationCreated(db, row)
}

export async function findOrganisation(
  db: DbOrTx,
  territoryId: string,
  id: string,
): Promise<Organisation | null> {
  const [row] = await db
    .select(columns)
    .from(organisations)
    .where(and(eq(organisations.territoryId, territoryId), eq(organisations.id, id)))
  return (row as Organisation | undefined) ?? null
}

export async function updateOrganisation(
  db: DbOrTx,
  territoryId: string,
  id: string,
  changes: Partial<NewOrganisation>,
): Promise<void> {
  await db
    .update(organisations)
    .set(changes)
    .where(and(eq(organisations.territoryId, territoryId), eq(organisations.id, id)))
}

/** Whether another organisation of the territory already has this SIRET or RNA number. */
export async function registrationTaken(
  db: DbOrTx,
  territoryId: string,
  numbers: { siret: string | null; rna: string | null },
  exceptId?: string,
): Promise<boolean> {
  const same: SQL[] = []
  if (numbers.siret) same.push(eq(organisations.siret, numbers.siret))
  if (numbers.rna) same.push(eq(organisations.rna, numbers.rna))
  if (same.length === 0) return false
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.territoryId, territoryId),
        or(...same),
        exceptId ? ne(organisations.id, exceptId) : undefined,
      ),
    )
    .limit(1)
  return row !== undefined
}

/**
 * Applies a decision only if the organisation is still in one of the statuses it starts from:
 * two people deciding at the same moment, the second changes nothing. Null when nothing changed.
 */
export async function setStatusIf(
  db: DbOrTx,
  territoryId: string,
  id: string,
  from: readonly OrganisationStatus[],
  changes: Partial<NewOrganisation> & { status: OrganisationStatus },
): Promise<{ id: string } | null> {
  const [row] = await db
    .update(organisations)
    .set(changes)
    .where(
      and(
        eq(organisations.territoryId, territoryId),
        eq(organisations.id, id),
        inArray(organisations.status, [...from]),
      ),
    )
    .returning({ id: organisations.id })
  return row ?? null
}

export interface OrganisationFilter {
  status?: OrganisationStatus | undefined
  kinds?: readonly OrganisationKind[] | undefined
  words?: string | undefined
  communeInsee?: string | undefined
}

function where(territoryId: string, filter: OrganisationFilter): SQL | undefined {
  return and(
    eq(organisations.territoryId, territoryId),
    filter.status ? eq(organisations.status, filter.status) : undefined,
    filter.kinds ? inArray(organisations.kind, [...filter.kinds]) : undefined,
    filter.communeInsee ? eq(organisations.communeInsee, filter.communeInsee) : undefined,
    filter.words
      ? sql`${organisations.searchVector} @@ websearch_to_tsquery('french_unaccent', ${filter.words})`
      : undefined,
  )
}

/** Pending ones first (oldest first: they wait longest), then the others by name. */
export async function listOrganisations(
  db: DbOrTx,
  territoryId: string,
  filter: OrganisationFilter,
  page: { limit: number; offset: number },
): Promise<Organisation[]> {
  const rows = await db
    .select(columns)
    .from(organisations)
    .where(where(territoryId, filter))
    .orderBy(
      sql`case when ${organisations.status} = 'pending' then 0 else 1 end`,
      sql`case when ${organisations.status} = 'pending' then ${organisations.createdAt} end`,
      asc(organisations.name),
      asc(organisations.id),
    )
    .limit(page.limit)
    .offset(page.offset)
  return rows as Organisation[]
}

export async function countByStatus(
  db: DbOrTx,
  territoryId: string,
): Promise<Record<OrganisationStatus, number>> {
  const rows = await db
    .select({ status: organisations.status, n: count() })
    .from(organisations)
    .where(eq(organisations.territoryId, territoryId))
    .groupBy(organisations.status)
  const counts = { pending: 0, verified: 0, refused: 0, suspended: 0 }
  for (const r of rows) counts[r.status] = Number(r.n)
  return counts
}
