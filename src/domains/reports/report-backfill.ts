import type { DbOrTx } from '../../platform/db/client.ts'
import type { ReviewSubmission } from '../../platform/review/review-queue.ts'
import { accountCards } from '../accounts/index.ts'
import { listingsByIds } from '../listings/index.ts'
import { messagesByIds } from '../matches/index.ts'
import { organisationCards } from '../organisations/index.ts'
import { openReportsByTarget } from './report.repository.ts'
import { reportPriority } from './report.ts'

/**
 * Open reports as moderation-queue items, one per target, for the queue's start-up catch-up:
 * the distinct reporters counted, the most serious reason's priority, the person concerned and
 * the label as a new report would give them. A few statements per territory with open reports.
 */
export async function reportsToQueue(
  db: DbOrTx,
): Promise<(ReviewSubmission & { reportCount: number; since: Date })[]> {
  const rows = await openReportsByTarget(db)
  const items: (ReviewSubmission & { reportCount: number; since: Date })[] = []
  for (const territoryId of new Set(rows.map((r) => r.territoryId))) {
    const here = rows.filter((r) => r.territoryId === territoryId)
    const ids = (kind: string) => here.filter((r) => r.targetKind === kind).map((r) => r.targetId)
    const [listings, messageRows, organisations] = await Promise.all([
      listingsByIds(db, territoryId, ids('listing')),
      messagesByIds(db, territoryId, ids('message')),
      organisationCards(db, territoryId, ids('organisation')),
    ])
    const senders = new Map(messageRows.map((m) => [m.id, m.senderId]))
    const people = await accountCards(db, [...senders.values(), ...ids('account')])
    for (const r of here) {
      const accountId =
        r.targetKind === 'listing'
          ? (listings.get(r.targetId)?.authorId ?? null)
          : r.targetKind === 'message'
            ? (senders.get(r.targetId) ?? null)
            : r.targetKind === 'account'
              ? r.targetId
              : null
      const label =
        r.targetKind === 'listing'
          ? listings.get(r.targetId)?.title
          : r.targetKind === 'organisation'
            ? organisations.get(r.targetId)?.name
            : accountId
              ? people.get(accountId)?.displayName
              : undefined
      items.push({
        territoryId,
        subjectKind: r.targetKind,
        subjectId: r.targetId,
        cause: 'report',
        priority: Math.max(...r.reasons.map(reportPriority)),
        reportCount: r.reporters,
        accountId,
        label: label ?? '',
        details: r.reasons,
        since: r.since,
      })
    }
  }
  return items
}
