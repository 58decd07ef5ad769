/**
 * What other domains may use of matches: the messages a report names, and the responses the
 * listing pages show (handed to listings when the app is assembled).
 */

/** Of some listings, those that got a response: an ask answered is no longer waiting. */
export { answeredListings } from './follow-up.repository.ts'
export { listingResponses } from './match.pages.tsx'
/** A refusal said in words (another agent decided first, the ask closed): the key says why. */
export { MatchRefusal } from './match.ts'
/**
 * How many responses some listings received (a crisis's figures); dispatch's load and blocks:
 * a helper's matches in progress, and who blocked whom.
 */
export { blockedBetween, blockedPairs, openMatchCounts, responsesTo } from './match-figures.repository.ts'
/** Every response and confirmed help, for the bilan's catch-up at start. */
export { matchStatEvents } from './match-stats.ts'
export {
  findMessageForParty as messageForParty,
  findMessages as messagesByIds,
} from './message.repository.ts'
/** A hidden message shown again when the decision that hid it is overturned on appeal. */
export { unhideMessage } from './message-reinstate.repository.ts'
/** What moderation reads and does in conversations: a reported message in its context, hiding it, and the exchanges a suspension stops. */
export {
  hideMessage,
  type MessageContext,
  matchesInProgressWith,
  messageSender,
  messagesAround,
} from './moderation-reads.ts'
/** The responses to asks the phone line posted, and its agents' decisions for the person. */
export {
  acceptForPerson,
  declineForPerson,
  type RelayedResponse,
  relayedResponses,
  responseSummaries,
} from './relay.service.ts'
/**
 * Answering a listing, in the caller's transaction: dispatch writes an accepted proposal's
 * response in the one that accepts it, so both stand or neither does.
 */
export { respondInTransaction } from './respond-rules.ts'
