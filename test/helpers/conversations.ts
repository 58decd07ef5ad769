import { eq } from 'drizzle-orm'
import type { Listing } from '../../src/domains/listings/listing.ts'
import type { MatchRow } from '../../src/domains/matches/match.repository.ts'
import { type MatchStatus, matches, messages } from '../../src/domains/matches/match.schema.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import type { TestApp } from './app.ts'
import { makeListing } from './listings.ts'

/**
 * A match between a listing's author and a responder, written straight to the database (no
 * response form, no notification); a published ask by `author` is made when none is given.
 */
export async function makeMatch(
  t: TestApp,
  territory: Territory,
  parties: { author: { id: string }; responder: { id: string } },
  options: { status?: MatchStatus; listing?: Listing } = {},
): Promise<MatchRow> {
  const listing = options.listing ?? (await makeListing(t, territory, parties.author))
  const now = t.clock.now()
  const status = options.status ?? 'accepted'
  const row: MatchRow = {
    id: t.app.services.ids(),
    territoryId: territory.id,
    listingId: listing.id,
    authorId: parties.author.id,
    responderId: parties.responder.id,
    status,
    authorShares: [],
    relayName: null,
    relayPhone: null,
    responderShares: [],
    reason: null,
    endedBy: null,
    doneMarkedBy: null,
    doneMarkedAt: null,
    thanks: null,
    thanksPublic: false,
    createdAt: now,
    updatedAt: now,
    acceptedAt: status === 'pending' ? null : now,
    endedAt: null,
    lastActivityAt: now,
    remindedAt: null,
  }
  await t.db.db.insert(matches).values(row)
  return row
}

/** Every message of a match as stored, oldest first. */
export async function storedMessages(t: TestApp, matchId: string) {
  const rows = await t.db.db.select().from(messages).where(eq(messages.matchId, matchId))
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
}
