/**
 * What other parts of the app may use of material needs: the block of the organisation's page
 * that lists its open needs with their progress (handed in by src/modules.ts).
 */

/** One need, for the moderator reading a held one in the queue. */
export { findNeed } from './need.repository.ts'
/**
 * Held material needs as moderation-queue items, for the queue's start-up catch-up, and a
 * moderator's decision on one in the queue's transaction.
 */
export { decideHeldNeed, needsToQueue, reinstateNeed } from './need-moderation.ts'
/** Needs posted and met, for the bilan's catch-up at start. */
export { needStatEvents } from './need-stats.ts'
export { needsSection } from './needs-section.tsx'
