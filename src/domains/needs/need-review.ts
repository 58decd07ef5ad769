import type { DbOrTx } from '../../platform/db/client.ts'
import { submitForReview, withdrawFromReview } from '../../platform/review/review-queue.ts'
import type { AppServices } from '../../platform/services.ts'

type Held = {
  id: string
  territoryId: string
  title: string
  holdReasons: string[]
  createdBy: string | null
}

/**
 * A material need the free-help rule holds waits in the moderation queue, written in the transaction
 * that holds it; an edit that holds it again refreshes its title and reasons there.
 */
export function queueNeed(services: AppServices, tx: DbOrTx, need: Held) {
  return submitForReview(
    tx,
    {
      territoryId: need.territoryId,
      subjectKind: 'need',
      subjectId: need.id,
      cause: 'money-wording',
      accountId: need.createdBy,
      label: need.title,
      details: need.holdReasons,
    },
    { id: services.ids(), now: services.clock.now() },
  )
}

/** The need left the held state by other means: released by an edit, closed, or decided from the held list. */
export function unqueueNeed(services: AppServices, tx: DbOrTx, need: { id: string; territoryId: string }) {
  return withdrawFromReview(
    tx,
    { territoryId: need.territoryId, subjectKind: 'need', subjectId: need.id },
    services.clock.now(),
  )
}
