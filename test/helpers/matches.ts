import type { MatchRow } from '../../src/domains/matches/match.repository.ts'
import { insertMatch } from '../../src/domains/matches/match-writes.repository.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import type { TestApp } from './app.ts'

/**
 * A response of `responder` to `listing`, pending unless told otherwise, with its first message,
 * written straight to the database (no notification, no rate limit).
 */
export async function makeMatch(
  t: TestApp,
  territory: Territory,
  listing: { id: string; authorId: string },
  responder: { id: string },
  overrides: Partial<MatchRow> & { message?: string } = {},
): Promise<MatchRow> {
  const { message = 'Bonjour, je peux vous aider samedi.', ...fields } = overrides
  const now = t.clock.now()
  const status = fields.status ?? 'pending'
  const match: MatchRow = {
    id: t.app.services.ids(),
    territoryId: territory.id,
    listingId: listing.id,
    authorId: listing.authorId,
    responderId: responder.id,
    relayName: null,
    relayPhone: null,
    status,
    authorShares: [],
    responderShares: [],
    reason: null,
    endedBy: null,
    doneMarkedBy: null,
    doneMarkedAt: null,
    thanks: null,
    thanksPublic: false,
    createdAt: now,
    updatedAt: now,
    acceptedAt: status === 'accepted' || status === 'done' ? now : null,
    endedAt: null,
    lastActivityAt: now,
    remindedAt: null,
    ...fields,
  }
  await insertMatch(t.db.db, match, {
    id: t.app.services.ids(),
    territoryId: territory.id,
    matchId: match.id,
    senderId: responder.id,
    body: message,
    createdAt: now,
  })
  return match
}
