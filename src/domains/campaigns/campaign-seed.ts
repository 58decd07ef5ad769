import { randomUUID } from 'node:crypto'
import type { DbOrTx } from '../../platform/db/client.ts'
import { findCommune } from '../../platform/geo/commune.repository.ts'
import {
  type CampaignItem,
  type CampaignStatus,
  type PointRole,
  supplyCampaigns,
  supplyPoints,
} from './campaign.schema.ts'

export interface SeedCampaign {
  territoryId: string
  createdBy: string | null
  organisationId?: string | null
  item?: CampaignItem
  title?: string
  specification?: string
  target?: number
  unit?: string
  startsOn?: string
  endsOn?: string
  status?: CampaignStatus
  points: { name: string; communeInsee: string; role?: PointRole; hours?: string; address?: string }[]
  now?: Date
}

/**
 * Writes a campaign and its points as opening leaves them, without the checks: for the
 * demonstration, the benches and the tests of the parts that build on a campaign.
 */
export async function seedCampaign(
  db: DbOrTx,
  input: SeedCampaign,
): Promise<{ id: string; pointIds: string[] }> {
  const id = randomUUID()
  const now = input.now ?? new Date()
  await db.insert(supplyCampaigns).values({
    id,
    territoryId: input.territoryId,
    organisationId: input.organisationId ?? null,
    item: input.item ?? 'masks',
    title: input.title ?? 'Masques en tissu pour le Calvados',
    specification:
      input.specification ?? 'Masque barrière en tissu, deux couches, selon la norme AFNOR Spec S76-001.',
    targetQuantity: input.target ?? 5000,
    unit: input.unit ?? 'masques',
    startsOn: input.startsOn ?? now.toISOString().slice(0, 10),
    endsOn: input.endsOn ?? new Date(now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10),
    status: input.status ?? 'open',
    createdBy: input.createdBy,
    createdAt: now,
    updatedAt: now,
  })
  const pointIds: string[] = []
  for (const [position, point] of input.points.entries()) {
    const commune = await findCommune(db, point.communeInsee)
    if (!commune) throw new Error(`Unknown commune ${point.communeInsee}`)
    const pointId = randomUUID()
    pointIds.push(pointId)
    await db.insert(supplyPoints).values({
      id: pointId,
      campaignId: id,
      name: point.name,
      role: point.role ?? 'both',
      communeInsee: commune.insee,
      latitude: commune.latitude,
      longitude: commune.longitude,
      address: point.address ?? 'Accueil de la mairie',
      hours: point.hours ?? 'du lundi au vendredi, 9 h – 12 h',
      position,
      createdAt: now,
    })
  }
  return { id, pointIds }
}
