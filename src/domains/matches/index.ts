/**
 * What other domains may use of matches: the messages a report names, and the responses the
 * listing pages show (handed to listings when the app is assembled).
 */
export { listingResponses } from './match.pages.tsx'
/** How many responses some listings received (a crisis's figures). */
export { responsesTo } from './match-figures.repository.ts'
export {
  findMessageForParty as messageForParty,
  findMessages as messagesByIds,
} from './message.repository.ts'
