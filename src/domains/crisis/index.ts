/**
 * What other parts of the app may use of crisis mode: the home page's block of the crisis's
 * categories and the advice on its categories' listings (handed to territories and listings by
 * src/modules.ts), and the shape of the call campaign launcher the calls domain hands in.
 */

export type { CrisisSlots, LaunchCallCampaign } from './crisis.service.ts'
export { crisisGuidance } from './crisis-guidance.ts'
export { crisisHomeSection } from './crisis-home-section.tsx'
