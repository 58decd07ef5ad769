/**
 * What other domains may use of the calls to isolated people: starting a call campaign (crisis
 * mode does when a crisis is switched on), and ending every call of a person whose consent the
 * phone line withdrew, in the phone line's transaction.
 */

/** Calls logged, for the bilan's catch-up at start. */
export { callStatEvents } from './call-stats.ts'
export { type CallCampaignReason, callCampaignReasons, callOutcomes } from './calls.schema.ts'
export { progressOf as callCampaignProgress } from './campaign.repository.ts'
export { type CampaignStart, startCallCampaign } from './campaign.service.ts'
/** The language a person registered for calls likes to be spoken to in: dispatch ranks by it. */
export { callLanguagesOf } from './registration.repository.ts'
export { endCallsOfPerson } from './registration.service.ts'
/** The words of each call outcome: the bilan counts calls by outcome. */
export { OUTCOME_LABEL as callOutcomeLabels } from './views/parts.tsx'

/** Where callers and coordinators follow a campaign: crisis mode links to the one it launched. */
export const callCampaignPath = (id: string): string => `/appels-de-convivialite/campagnes/${id}`
