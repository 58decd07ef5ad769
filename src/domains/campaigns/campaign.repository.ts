import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { verifiedOrganisations } from '../organisations/index.ts'
import {
  type CampaignStatus,
  supplyBatches,
  supplyCampaignFiles,
  supplyCampaigns,
  supplyPoints,
} from './campaign.schema.ts'
import type { Campaign } from './campaign-access.ts'

export type Point = typeof supplyPoints.$inferSelect
export type CampaignFile = typeof supplyCampaignFiles.$inferSelect

/** A campaign in a list, with what confirmed batches made so far. */
export type CampaignLine = Campaign & { made: number }

const made = sql<number>`coalesce((select sum(${supplyBatches.receivedQuantity}) from ${supplyBatches}
  where ${supplyBatches.campaignId} = ${supplyCampaigns.id} and ${supplyBatches.status} = 'confirmed'), 0)::int`

/** The territory's campaigns of these statuses, the latest start first. */
export async function campaignsOf(
  db: DbOrTx,
  territoryId: string,
  statuses: readonly CampaignStatus[],
): Promise<CampaignLine[]> {
  const rows = await db
    .select({ campaign: supplyCampaigns, made })
    .from(supplyCampaigns)
    .where(and(eq(supplyCampaigns.territoryId, territoryId), inArray(supplyCampaigns.status, [...statuses])))
    .orderBy(desc(supplyCampaigns.startsOn), asc(supplyCampaigns.title))
    .limit(200)
  return rows.map((r) => ({ ...r.campaign, made: r.made }))
}

export async function madeSoFar(db: DbOrTx, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ made: sql<number>`coalesce(sum(${supplyBatches.receivedQuantity}), 0)::int` })
    .from(supplyBatches)
    .where(and(eq(supplyBatches.campaignId, campaignId), eq(supplyBatches.status, 'confirmed')))
  return row?.made ?? 0
}

export async function insertCampaign(db: DbOrTx, row: Campaign): Promise<void> {
  await db.insert(supplyCampaigns).values(row)
}

/** Changes a campaign of the territory; null when it is not there (any more). */
export async function updateCampaign(
  db: DbOrTx,
  territoryId: string,
  id: string,
  changes: Partial<Campaign>,
  onlyFrom?: readonly CampaignStatus[],
): Promise<Campaign | null> {
  const [row] = await db
    .update(supplyCampaigns)
    .set(changes)
    .where(
      and(
        eq(supplyCampaigns.territoryId, territoryId),
        eq(supplyCampaigns.id, id),
        onlyFrom ? inArray(supplyCampaigns.status, [...onlyFrom]) : undefined,
      ),
    )
    .returning()
  return row ?? null
}

export async function pointsOf(db: DbOrTx, campaignId: string): Promise<Point[]> {
  return db
    .select()
    .from(supplyPoints)
    .where(eq(supplyPoints.campaignId, campaignId))
    .orderBy(asc(supplyPoints.position), asc(supplyPoints.createdAt))
}

export async function insertPoint(db: DbOrTx, row: Omit<Point, 'position'>): Promise<void> {
  await db.insert(supplyPoints).values({
    ...row,
    position: sql`(select coalesce(max(position), -1) + 1 from supply_points where campaign_id = ${row.campaignId})`,
  })
}

export async function updatePoint(
  db: DbOrTx,
  campaignId: string,
  id: string,
  changes: Pick<Point, 'name' | 'role' | 'communeInsee' | 'latitude' | 'longitude' | 'address' | 'hours'>,
): Promise<boolean> {
  const rows = await db
    .update(supplyPoints)
    .set(changes)
    .where(and(eq(supplyPoints.campaignId, campaignId), eq(supplyPoints.id, id)))
    .returning({ id: supplyPoints.id })
  return rows.length > 0
}

/** The territory's verified organisations by name: those a campaign may be delegated to. */
export async function delegationChoices(db: DbOrTx, territoryId: string) {
  const result = await db.execute(
    sql`select o.id, o.name from (${verifiedOrganisations(territoryId)}) o order by o.name limit 500`,
  )
  const rows = (result as unknown as { rows: { id: string; name: string }[] }).rows
  return rows.map((r) => ({ id: r.id, name: r.name }))
}

/** The attachment a campaign shows: the last one uploaded. */
export async function attachmentOf(db: DbOrTx, campaignId: string): Promise<CampaignFile | null> {
  const [row] = await db
    .select()
    .from(supplyCampaignFiles)
    .where(eq(supplyCampaignFiles.campaignId, campaignId))
    .orderBy(desc(supplyCampaignFiles.createdAt))
    .limit(1)
  return row ?? null
}

/** Its name, type and size, without the bytes: for pages that only link to it. */
export async function attachmentInfo(db: DbOrTx, campaignId: string) {
  const [row] = await db
    .select({
      id: supplyCampaignFiles.id,
      fileName: supplyCampaignFiles.fileName,
      mediaType: supplyCampaignFiles.mediaType,
      size: supplyCampaignFiles.size,
    })
    .from(supplyCampaignFiles)
    .where(eq(supplyCampaignFiles.campaignId, campaignId))
    .orderBy(desc(supplyCampaignFiles.createdAt))
    .limit(1)
  return row ?? null
}

/** One attachment at a time: the new one replaces whatever was there. */
export async function replaceAttachment(db: DbOrTx, row: CampaignFile): Promise<void> {
  await db.delete(supplyCampaignFiles).where(eq(supplyCampaignFiles.campaignId, row.campaignId))
  await db.insert(supplyCampaignFiles).values(row)
}

export async function deleteAttachment(db: DbOrTx, campaignId: string): Promise<boolean> {
  const rows = await db
    .delete(supplyCampaignFiles)
    .where(eq(supplyCampaignFiles.campaignId, campaignId))
    .returning({ id: supplyCampaignFiles.id })
  return rows.length > 0
}
