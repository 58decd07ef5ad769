import type { DbOrTx } from '../../platform/db/client.ts'
import { type AccountCard, accountCard, accountCards } from '../accounts/index.ts'
import { listingsByIds } from '../listings/index.ts'
import { messageForParty, messagesByIds } from '../matches/index.ts'
import { organisationCards } from '../organisations/index.ts'
import type { ReportRow } from './report.repository.ts'
import type { OpenReport, ReportTarget } from './report.ts'

/** A message of a conversation this account is a party of, with its sender's name; anyone else gets nothing. */
export async function messageForReporter(db: DbOrTx, territoryId: string, id: string, accountId: string) {
  const message = await messageForParty(db, territoryId, id, accountId)
  if (!message) return null
  const sender = await accountCard(db, message.senderId)
  return sender ? { ...message, senderName: sender.displayName } : null
}

/** An account whose home is this territory. */
export async function territoryAccount(
  db: DbOrTx,
  territoryId: string,
  id: string,
): Promise<AccountCard | null> {
  const account = await accountCard(db, id)
  return account?.territoryId === territoryId ? account : null
}

/**
 * What staff need to judge each report: who reported, and the listing, message, person or
 * organisation it names. A fixed number of queries whatever the page holds: one per kind of thing, one for people.
 */
export async function withTargets(db: DbOrTx, territoryId: string, rows: ReportRow[]): Promise<OpenReport[]> {
  const ids = (kind: ReportTarget) => rows.filter((r) => r.targetKind === kind).map((r) => r.targetId)
  const [listings, messageRows, organisations] = await Promise.all([
    listingsByIds(db, territoryId, ids('listing')),
    messagesByIds(db, territoryId, ids('message')),
    organisationCards(db, territoryId, ids('organisation')),
  ])
  const messages = new Map(messageRows.map((m) => [m.id, m]))
  const people = await accountCards(db, [
    ...rows.map((r) => r.reporterId),
    ...messageRows.map((m) => m.senderId),
    ...ids('account'),
  ])
  const nameOf = (id: string | undefined) => (id ? (people.get(id)?.displayName ?? null) : null)
  const inTerritory = (id: string) => {
    const person = people.get(id)
    return person?.territoryId === territoryId ? person.displayName : null
  }
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    comment: r.comment,
    reporterName: nameOf(r.reporterId) ?? '',
    createdAt: r.createdAt,
    target:
      r.targetKind === 'listing'
        ? { kind: 'listing', id: r.targetId, title: listings.get(r.targetId)?.title ?? null }
        : r.targetKind === 'message'
          ? {
              kind: 'message',
              id: r.targetId,
              senderName: nameOf(messages.get(r.targetId)?.senderId),
              body: messages.get(r.targetId)?.body ?? null,
            }
          : r.targetKind === 'organisation'
            ? { kind: 'organisation', id: r.targetId, name: organisations.get(r.targetId)?.name ?? null }
            : { kind: 'account', id: r.targetId, displayName: inTerritory(r.targetId) },
  }))
}
