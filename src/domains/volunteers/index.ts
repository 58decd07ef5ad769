/** What other domains may use of volunteers: whether staff verified a person for the categories that ask it. */

export { verifyDemoVolunteer } from './demo-verification.ts'
export { isVerifiedVolunteer } from './volunteer.repository.ts'
