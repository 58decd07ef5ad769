/**
 * What other parts may use of missions: the block of an organisation's page that lists its open
 * missions, which the app's assembly (src/modules.ts) hands to organisations, and the missions
 * the common search and its alerts find, which it hands to listings.
 */

/** One mission, for the moderator reading a held one in the queue. */
export { findMission } from './mission.repository.ts'
/**
 * Held missions as moderation-queue items, for the queue's start-up catch-up, and a moderator's
 * decision on one in the queue's transaction.
 */
export { decideHeldMission, missionsToQueue, reinstateMission } from './mission-moderation.ts'
export { missionSearch } from './mission-search.ts'
export { missionsSection } from './mission-section.tsx'
/** Missions posted and slots taken, for the bilan's catch-up at start. */
export { missionStatEvents } from './mission-stats.ts'
