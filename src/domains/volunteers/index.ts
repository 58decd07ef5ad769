/** What other domains may use of volunteers: whether staff verified a person for the categories that ask it. */
export { isVerifiedVolunteer } from './volunteer.repository.ts'
