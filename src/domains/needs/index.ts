/**
 * What other parts of the app may use of material needs: the block of the organisation's page
 * that lists its open needs with their progress (handed in by src/modules.ts).
 */
export { needsSection } from './needs-section.tsx'
