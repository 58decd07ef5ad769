/**
 * What other parts may use of missions: the block of an organisation's page that lists its open
 * missions, which the app's assembly (src/modules.ts) hands to organisations.
 */
export { missionsSection } from './mission-section.tsx'
