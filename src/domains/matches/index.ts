/**
 * What other domains may use of matches: the messages a report names, and the responses the
 * listing pages show (handed to listings when the app is assembled).
 */
export { listingResponses } from './match.pages.tsx'
export {
  findMessageForParty as messageForParty,
  findMessages as messagesByIds,
} from './message.repository.ts'
