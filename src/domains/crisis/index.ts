/**
 * What other parts of the app may use of crisis mode: the home page's block of the crisis's
 * categories (handed to territories by src/modules.ts), and the shape of the call campaign
 * launcher the calls domain hands in.
 */

export type { CrisisSlots, LaunchCallCampaign } from './crisis.service.ts'
export { crisisHomeSection } from './crisis-home-section.tsx'
