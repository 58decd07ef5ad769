import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import {
  type ProducerLabel,
  type ProductFamily,
  producerOpeningHours,
  producerProducts,
  producerProfiles,
  producerSalesPlaces,
  type SalesMode,
} from './producer.schema.ts'
import type { HoursInput, PlaceInput, ProductInput } from './producer.ts'

export interface Profile {
  organisationId: string
  families: ProductFamily[]
  labels: ProducerLabel[]
  presentation: string
  updatedAt: Date
}

export interface Product extends ProductInput {
  id: string
  position: number
}

export interface Place {
  id: string
  mode: SalesMode
  name: string
  communeInsee: string
  latitude: number
  longitude: number
  address: string
  details: string
  radiusKm: number | null
  position: number
  hours: HoursInput[]
}

export async function findProfile(db: DbOrTx, territoryId: string, organisationId: string) {
  const [row] = await db
    .select({
      organisationId: producerProfiles.organisationId,
      families: producerProfiles.families,
      labels: producerProfiles.labels,
      presentation: producerProfiles.presentation,
      updatedAt: producerProfiles.updatedAt,
    })
    .from(producerProfiles)
    .where(
      and(eq(producerProfiles.territoryId, territoryId), eq(producerProfiles.organisationId, organisationId)),
    )
  return (row as Profile | undefined) ?? null
}

/** The profile's text and labels; created the first time, kept otherwise. */
export async function saveProfile(
  db: DbOrTx,
  row: {
    organisationId: string
    territoryId: string
    presentation?: string
    labels?: ProducerLabel[]
    updatedAt: Date
  },
): Promise<void> {
  const set = {
    updatedAt: row.updatedAt,
    ...(row.presentation === undefined ? {} : { presentation: row.presentation }),
    ...(row.labels === undefined ? {} : { labels: row.labels }),
  }
  await db
    .insert(producerProfiles)
    .values({ ...row })
    .onConflictDoUpdate({ target: producerProfiles.organisationId, set })
}

/** The directory filters on families: they are kept from the products, in the caller's transaction. */
export async function refreshFamilies(db: DbOrTx, organisationId: string, now: Date): Promise<void> {
  await db.execute(sql`update producer_profiles set updated_at = ${now},
    families = coalesce((select array_agg(distinct family order by family) from producer_products
      where organisation_id = ${organisationId}), '{}'::text[])
    where organisation_id = ${organisationId}`)
}

export async function listProducts(
  db: DbOrTx,
  organisationIds: readonly string[],
): Promise<(Product & { organisationId: string })[]> {
  if (organisationIds.length === 0) return []
  return db
    .select({
      id: producerProducts.id,
      organisationId: producerProducts.organisationId,
      family: producerProducts.family,
      name: producerProducts.name,
      description: producerProducts.description,
      months: producerProducts.months,
      labels: producerProducts.labels,
      position: producerProducts.position,
    })
    .from(producerProducts)
    .where(inArray(producerProducts.organisationId, [...organisationIds]))
    .orderBy(asc(producerProducts.organisationId), asc(producerProducts.position), asc(producerProducts.id))
}

export async function insertProduct(
  db: DbOrTx,
  row: ProductInput & { id: string; organisationId: string; createdAt: Date },
): Promise<void> {
  await db.insert(producerProducts).values({
    ...row,
    position: sql`(select coalesce(max(position), 0) + 1 from producer_products where organisation_id = ${row.organisationId})`,
  })
}

export async function updateProduct(db: DbOrTx, organisationId: string, id: string, input: ProductInput) {
  const rows = await db
    .update(producerProducts)
    .set(input)
    .where(and(eq(producerProducts.organisationId, organisationId), eq(producerProducts.id, id)))
    .returning({ id: producerProducts.id })
  return rows.length > 0
}

export async function deleteProduct(db: DbOrTx, organisationId: string, id: string) {
  const rows = await db
    .delete(producerProducts)
    .where(and(eq(producerProducts.organisationId, organisationId), eq(producerProducts.id, id)))
    .returning({ id: producerProducts.id })
  return rows.length > 0
}

/** Swaps the product with the one before it (`up`) or after it; false when it is already at that end. */
export async function moveProduct(db: DbOrTx, organisationId: string, id: string, up: boolean) {
  const all = await listProducts(db, [organisationId])
  const i = all.findIndex((p) => p.id === id)
  const j = up ? i - 1 : i + 1
  if (i < 0 || j < 0 || j >= all.length) return false
  const [a, b] = [all[i]!, all[j]!]
  // Positions are renumbered 1…n so that two equal positions never leave the order undecided.
  for (const [k, p] of all.entries()) {
    const position = p.id === a.id ? j + 1 : p.id === b.id ? i + 1 : k + 1
    await db.update(producerProducts).set({ position }).where(eq(producerProducts.id, p.id))
  }
  return true
}

export async function listPlaces(
  db: DbOrTx,
  organisationIds: readonly string[],
): Promise<(Place & { organisationId: string })[]> {
  if (organisationIds.length === 0) return []
  const places = await db
    .select({
      id: producerSalesPlaces.id,
      organisationId: producerSalesPlaces.organisationId,
      mode: producerSalesPlaces.mode,
      name: producerSalesPlaces.name,
      communeInsee: producerSalesPlaces.communeInsee,
      latitude: producerSalesPlaces.latitude,
      longitude: producerSalesPlaces.longitude,
      address: producerSalesPlaces.address,
      details: producerSalesPlaces.details,
      radiusKm: producerSalesPlaces.radiusKm,
      position: producerSalesPlaces.position,
    })
    .from(producerSalesPlaces)
    .where(inArray(producerSalesPlaces.organisationId, [...organisationIds]))
    .orderBy(
      asc(producerSalesPlaces.organisationId),
      asc(producerSalesPlaces.position),
      asc(producerSalesPlaces.id),
    )
  const hours =
    places.length === 0
      ? []
      : await db
          .select({
            placeId: producerOpeningHours.placeId,
            weekday: producerOpeningHours.weekday,
            opens: producerOpeningHours.opens,
            closes: producerOpeningHours.closes,
          })
          .from(producerOpeningHours)
          .where(
            inArray(
              producerOpeningHours.placeId,
              places.map((p) => p.id),
            ),
          )
          .orderBy(asc(producerOpeningHours.weekday), asc(producerOpeningHours.opens))
  return places.map((p) => ({
    ...p,
    hours: hours
      .filter((h) => h.placeId === p.id)
      .map((h) => ({ weekday: h.weekday, opens: h.opens.slice(0, 5), closes: h.closes.slice(0, 5) })),
  }))
}

type PlaceRow = Omit<PlaceInput, 'hours'> & { communeInsee: string; latitude: number; longitude: number }

async function writeHours(db: DbOrTx, ids: () => string, placeId: string, hours: readonly HoursInput[]) {
  await db.delete(producerOpeningHours).where(eq(producerOpeningHours.placeId, placeId))
  if (hours.length > 0)
    await db.insert(producerOpeningHours).values(hours.map((h) => ({ id: ids(), placeId, ...h })))
}

export async function insertPlace(
  db: DbOrTx,
  ids: () => string,
  row: PlaceRow & { id: string; organisationId: string; territoryId: string; hours: readonly HoursInput[] },
): Promise<void> {
  const { hours, ...place } = row
  await db.insert(producerSalesPlaces).values({
    ...place,
    position: sql`(select coalesce(max(position), 0) + 1 from producer_sales_places where organisation_id = ${row.organisationId})`,
  })
  await writeHours(db, ids, row.id, hours)
}

export async function updatePlace(
  db: DbOrTx,
  ids: () => string,
  organisationId: string,
  id: string,
  row: PlaceRow & { hours: readonly HoursInput[] },
): Promise<boolean> {
  const { hours, ...place } = row
  const changed = await db
    .update(producerSalesPlaces)
    .set(place)
    .where(and(eq(producerSalesPlaces.organisationId, organisationId), eq(producerSalesPlaces.id, id)))
    .returning({ id: producerSalesPlaces.id })
  if (changed.length === 0) return false
  await writeHours(db, ids, id, hours)
  return true
}

export async function deletePlace(db: DbOrTx, organisationId: string, id: string) {
  const rows = await db
    .delete(producerSalesPlaces)
    .where(and(eq(producerSalesPlaces.organisationId, organisationId), eq(producerSalesPlaces.id, id)))
    .returning({ id: producerSalesPlaces.id })
  return rows.length > 0
}

/** Everything but the photos, for the API's replacement of the whole page. */
export async function clearProductsAndPlaces(db: DbOrTx, organisationId: string): Promise<void> {
  await db.delete(producerProducts).where(eq(producerProducts.organisationId, organisationId))
  await db.delete(producerSalesPlaces).where(eq(producerSalesPlaces.organisationId, organisationId))
}

export async function countOf(db: DbOrTx, organisationId: string) {
  const result = await db.execute(sql`select
    (select count(*) from producer_products where organisation_id = ${organisationId}) as products,
    (select count(*) from producer_sales_places where organisation_id = ${organisationId}) as places,
    (select count(*) from producer_photos where organisation_id = ${organisationId}) as photos`)
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!
  return { products: Number(row.products), places: Number(row.places), photos: Number(row.photos) }
}
