import { and, asc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import { producerPhotos, producerProfiles } from './producer.schema.ts'

export interface PhotoRef {
  id: string
  organisationId: string
  width: number
  height: number
  etag: string
  alt: string
}

/** The photos of these producers, without their bytes, in their order. */
export async function listPhotos(db: DbOrTx, organisationIds: readonly string[]): Promise<PhotoRef[]> {
  if (organisationIds.length === 0) return []
  return db
    .select({
      id: producerPhotos.id,
      organisationId: producerPhotos.organisationId,
      width: producerPhotos.width,
      height: producerPhotos.height,
      etag: producerPhotos.etag,
      alt: producerPhotos.alt,
    })
    .from(producerPhotos)
    .where(sql`${producerPhotos.organisationId} in ${[...organisationIds]}`)
    .orderBy(asc(producerPhotos.position), asc(producerPhotos.id))
}

/**
 * Adds the photo unless the producer already has `max`: the count and the insert are one
 * statement, so two uploads at once never make a seventh. False when it was full.
 */
export async function insertPhoto(
  db: DbOrTx,
  row: {
    id: string
    organisationId: string
    image: Buffer
    mediaType: string
    width: number
    height: number
    etag: string
    alt: string
    createdAt: Date
  },
  max: number,
): Promise<boolean> {
  const result = await db.execute(sql`insert into producer_photos
      (id, organisation_id, image, media_type, width, height, etag, alt, position, created_at)
    select ${row.id}, ${row.organisationId}, ${row.image}, ${row.mediaType}, ${row.width}, ${row.height},
      ${row.etag}, ${row.alt},
      (select coalesce(max(position), 0) + 1 from producer_photos where organisation_id = ${row.organisationId}),
      ${row.createdAt}
    from producer_profiles p
    where p.organisation_id = ${row.organisationId}
      and (select count(*) from producer_photos where organisation_id = ${row.organisationId}) < ${max}
    returning id`)
  return (result as unknown as { rows: unknown[] }).rows.length > 0
}

export async function deletePhoto(db: DbOrTx, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(producerPhotos)
    .where(and(eq(producerPhotos.organisationId, organisationId), eq(producerPhotos.id, id)))
    .returning({ id: producerPhotos.id })
  return rows.length > 0
}

/** One photo of a producer of this territory, with its bytes; null when there is none. */
export async function photoToServe(db: DbOrTx, territoryId: string, organisationId: string, id: string) {
  const [row] = await db
    .select({ image: producerPhotos.image, mediaType: producerPhotos.mediaType, etag: producerPhotos.etag })
    .from(producerPhotos)
    .innerJoin(producerProfiles, eq(producerProfiles.organisationId, producerPhotos.organisationId))
    .where(
      and(
        eq(producerProfiles.territoryId, territoryId),
        eq(producerPhotos.organisationId, organisationId),
        eq(producerPhotos.id, id),
      ),
    )
  return row ? { ...row, image: Buffer.from(row.image) } : null
}
