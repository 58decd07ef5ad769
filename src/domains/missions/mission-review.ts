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
 * A mission the free-help rule holds waits in the moderation queue, written in the transaction
 * that holds it; an edit that holds it again refreshes its title and reasons there.
 */
export function queueMission(services: AppServices, tx: DbOrTx, mission: Held) {
  return submitForReview(
    tx,
    {
      territoryId: mission.territoryId,
      subjectKind: 'mission',
      subjectId: mission.id,
      cause: 'money-wording',
      accountId: mission.createdBy,
      label: mission.title,
      details: mission.holdReasons,
    },
    { id: services.ids(), now: services.clock.now() },
  )
}

/** The mission left the held state by other means: released by an edit, closed, or decided from the held list. */
export function unqueueMission(
  services: AppServices,
  tx: DbOrTx,
  mission: { id: string; territoryId: string },
) {
  return withdrawFromReview(
    tx,
    { territoryId: mission.territoryId, subjectKind: 'mission', subjectId: mission.id },
    services.clock.now(),
  )
}
