/**
 * What other domains may use of volunteers: whether staff verified a person (or which of many
 * people, in one query) for the categories that ask it.
 */

export { verifyDemoVolunteer } from './demo-verification.ts'
export { isVerifiedVolunteer, verifiedAmong } from './volunteer.repository.ts'
