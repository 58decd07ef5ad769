/**
 * What other domains may use of the phone line: a person's record and its rules (calls to isolated
 * people register the same people), and opening a case on the agents' queue (a caller's « besoin
 * d'aide » or « inquiétude »).
 */

export { insertCase as openCase, type NewCase } from './case.repository.ts'
/** The words of each way a case ends: the bilan counts closed cases by outcome. */
export { outcomeKeys as caseOutcomeLabels } from './case.ts'
/** Cases opened and closed, for the bilan's catch-up at start. */
export { caseStatEvents } from './case-stats.ts'
export { findPeople, peopleOfAsks } from './people-by-id.ts'
export { findPerson, insertPerson, type NewPerson, type PersonRow } from './person.repository.ts'
export { checkPerson, type PersonFields, type PersonInput } from './person.ts'
export { type CaseOrigin, caseOutcomes, type SharedContact } from './phone.schema.ts'

import { linePaths } from './views/paths.ts'

/** Where an agent reads a case: the alert mails of the calls link to it. */
export const casePath = (id: string): string => linePaths.case(id)
