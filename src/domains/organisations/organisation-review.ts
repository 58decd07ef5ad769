import type { DbOrTx } from '../../platform/db/client.ts'
import { submitForReview, withdrawFromReview } from '../../platform/review/review-queue.ts'
import type { AppServices } from '../../platform/services.ts'
import { listOrganisations } from './organisation.repository.ts'

type Pending = { id: string; territoryId: string; name: string }

/**
 * A new organisation waits for verification in the moderation queue too, written with the
 * organisation; the verification pages still decide, and their decision withdraws the item.
 */
export function queueForVerification(services: AppServices, tx: DbOrTx, organisation: Pending) {
  return submitForReview(
    tx,
    {
      territoryId: organisation.territoryId,
      subjectKind: 'organisation',
      subjectId: organisation.id,
      cause: 'verification',
      accountId: null,
      label: organisation.name,
    },
    { id: services.ids(), now: services.clock.now() },
  )
}

/** Verified or refused (by staff or a partner): nothing left to wait for in the queue. */
export function verificationDecided(services: AppServices, tx: DbOrTx, organisation: Pending) {
  return withdrawFromReview(
    tx,
    { territoryId: organisation.territoryId, subjectKind: 'organisation', subjectId: organisation.id },
    services.clock.now(),
  )
}

/** Every territory's organisations awaiting verification, as queue items, for the start-up catch-up. */
export async function organisationsToQueue(db: DbOrTx, territoryIds: readonly string[]) {
  const items = []
  for (const territoryId of territoryIds) {
    const pending = await listOrganisations(
      db,
      territoryId,
      { status: 'pending' },
      { limit: 10_000, offset: 0 },
    )
    for (const o of pending)
      items.push({
        territoryId,
        subjectKind: 'organisation' as const,
        subjectId: o.id,
        cause: 'verification' as const,
        accountId: null,
        label: o.name,
        since: o.createdAt,
      })
  }
  return items
}
