import type { DbOrTx } from '../../platform/db/client.ts'
import { accountCards } from '../accounts/index.ts'
import { listingsByIds } from '../listings/index.ts'
import { listMatchesOf, listPublicThanks, listResponses } from './match-writes.repository.ts'

/**
 * The lists of matches with the listing's title and the people's names, read from their owners:
 * a fixed number of queries whatever the list holds.
 */

/** Both sides of « mes mises en relation », newest activity first. */
export async function matchesOf(db: DbOrTx, territoryId: string, accountId: string) {
  const rows = await listMatchesOf(db, territoryId, accountId)
  const [listings, people] = await Promise.all([
    listingsByIds(
      db,
      territoryId,
      rows.map((r) => r.match.listingId),
    ),
    accountCards(
      db,
      rows.flatMap((r) => [r.match.authorId, r.match.responderId]),
    ),
  ])
  return rows.flatMap(({ match, unread }) => {
    const listing = listings.get(match.listingId)
    const author = people.get(match.authorId)
    const responder = people.get(match.responderId)
    if (!listing || !author || !responder) return []
    return [
      {
        match,
        listingTitle: listing.title,
        listingKind: listing.kind,
        // A relayed ask's volunteer sees the person's first name once accepted, else the line.
        authorName: listing.relayed ? (match.relayName ?? '') : author.displayName,
        responderName: responder.displayName,
        unread,
      },
    ]
  })
}
export type MatchListRow = Awaited<ReturnType<typeof matchesOf>>[number]

/** The responses to one listing, for its author: oldest first, with who wrote each. */
export async function responsesTo(db: DbOrTx, territoryId: string, listingId: string) {
  const rows = await listResponses(db, territoryId, listingId)
  const people = await accountCards(
    db,
    rows.map((r) => r.match.responderId),
  )
  return rows.flatMap(({ match, message }) => {
    const responder = people.get(match.responderId)
    return responder ? [{ match, responderName: responder.displayName, message }] : []
  })
}
export type ResponseRow = Awaited<ReturnType<typeof responsesTo>>[number]

/** Thanks their authors chose to make public, with both names. */
export async function publicThanks(db: DbOrTx, territoryId: string, listingId: string) {
  const rows = await listPublicThanks(db, territoryId, listingId)
  const people = await accountCards(
    db,
    rows.flatMap((r) => [r.authorId, r.responderId]),
  )
  return rows.flatMap(({ authorId, responderId, text, at }) => {
    const author = people.get(authorId)
    const responder = people.get(responderId)
    return author && responder
      ? [{ authorName: author.displayName, responderName: responder.displayName, text, at }]
      : []
  })
}
