import type { DbOrTx } from '../../platform/db/client.ts'
import { findCommune } from '../../platform/geo/commune.repository.ts'
import { insertPlace, insertProduct, refreshFamilies, saveProfile } from './producer.repository.ts'
import type { ProducerLabel } from './producer.schema.ts'
import type { PlaceInput, ProductInput } from './producer.ts'

export interface SeedProducer {
  territoryId: string
  /** an organisation of kind « producer » */
  organisationId: string
  presentation?: string
  labels?: ProducerLabel[]
  products?: ProductInput[]
  places?: (PlaceInput & { communeInsee: string })[]
  now?: Date
}

/**
 * Writes a producer's page without the checks, as its managers would have filled it: for the
 * demonstration and the tests.
 */
export async function seedProducer(db: DbOrTx, ids: () => string, input: SeedProducer): Promise<void> {
  const now = input.now ?? new Date()
  await saveProfile(db, {
    organisationId: input.organisationId,
    territoryId: input.territoryId,
    presentation: input.presentation ?? '',
    labels: input.labels ?? [],
    updatedAt: now,
  })
  for (const product of input.products ?? [])
    await insertProduct(db, { ...product, id: ids(), organisationId: input.organisationId, createdAt: now })
  for (const place of input.places ?? []) {
    const commune = await findCommune(db, place.communeInsee)
    if (!commune) throw new Error(`Unknown commune ${place.communeInsee}`)
    await insertPlace(db, ids, {
      ...place,
      latitude: commune.latitude,
      longitude: commune.longitude,
      id: ids(),
      organisationId: input.organisationId,
      territoryId: input.territoryId,
    })
  }
  await refreshFamilies(db, input.organisationId, now)
}
