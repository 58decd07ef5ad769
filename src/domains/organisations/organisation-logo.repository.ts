import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import {
  type OrganisationStatus,
  organisationLogos,
  organisationMembers,
  organisations,
} from './organisation.schema.ts'

export interface LogoRow {
  organisationId: string
  image: Buffer
  mediaType: string
  width: number
  height: number
  etag: string
  updatedAt: Date
}

/** A logo with what decides who may see it: the organisation's status, and whether the viewer belongs to it. */
export interface ServedLogo {
  status: OrganisationStatus
  member: boolean
  logo: Pick<LogoRow, 'image' | 'mediaType' | 'etag'>
}

/** The logo of an organisation of this territory, in one statement; null without one. */
export async function logoToServe(
  db: DbOrTx,
  territoryId: string,
  organisationId: string,
  viewerId: string | null,
): Promise<ServedLogo | null> {
  const [row] = await db
    .select({
      status: organisations.status,
      member: viewerId
        ? sql<boolean>`exists (select 1 from ${organisationMembers} m where m.organisation_id = ${organisations.id} and m.account_id = ${viewerId})`
        : sql<boolean>`false`,
      image: organisationLogos.image,
      mediaType: organisationLogos.mediaType,
      etag: organisationLogos.etag,
    })
    .from(organisations)
    .innerJoin(organisationLogos, eq(organisationLogos.organisationId, organisations.id))
    .where(and(eq(organisations.territoryId, territoryId), eq(organisations.id, organisationId)))
  if (!row) return null
  return {
    status: row.status,
    member: Boolean(row.member),
    logo: { image: Buffer.from(row.image), mediaType: row.mediaType, etag: row.etag },
  }
}

/** The hash of the stored logo, for the form's preview; null without one. */
export async function logoEtag(db: DbOrTx, organisationId: string): Promise<string | null> {
  const [row] = await db
    .select({ etag: organisationLogos.etag })
    .from(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId))
  return row?.etag ?? null
}

export async function saveLogo(db: DbOrTx, row: LogoRow): Promise<void> {
  const { organisationId: _, ...changes } = row
  await db.insert(organisationLogos).values(row).onConflictDoUpdate({
    target: organisationLogos.organisationId,
    set: changes,
  })
}

/** True when there was a logo to remove. */
export async function deleteLogo(db: DbOrTx, organisationId: string): Promise<boolean> {
  const removed = await db
    .delete(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId))
    .returning({ id: organisationLogos.organisationId })
  return removed.length > 0
}
