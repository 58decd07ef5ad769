import type { DbOrTx } from '../../platform/db/client.ts'
import { submitForReview, withdrawFromReview } from '../../platform/review/review-queue.ts'
import type { AppServices } from '../../platform/services.ts'
import { accountCard } from '../accounts/index.ts'
import { listingsByIds } from '../listings/index.ts'
import { messagesByIds } from '../matches/index.ts'
import { otherOpenReports, reportsSince } from './report.repository.ts'
import {
  type Concerned,
  REPEATED_REPORTS,
  type ReportReason,
  type ReportTarget,
  reportPriority,
} from './report.ts'

/**
 * A new report puts its target in the moderation queue, in the transaction that records it: a
 * target already waiting gains the report (and the higher priority), never a second item. Then,
 * if the person it is about has now been reported by three different people within a day, that
 * person goes to the top of the queue.
 */
export async function queueReport(
  services: AppServices,
  tx: DbOrTx,
  report: { territoryId: string; target: { kind: ReportTarget; id: string }; reason: ReportReason },
  concerned: Concerned,
): Promise<void> {
  const now = services.clock.now()
  await submitForReview(
    tx,
    {
      territoryId: report.territoryId,
      subjectKind: report.target.kind,
      subjectId: report.target.id,
      cause: 'report',
      priority: reportPriority(report.reason),
      report: true,
      accountId: concerned.accountId,
      label: concerned.label,
      details: [report.reason],
    },
    { id: services.ids(), now },
  )
  if (concerned.accountId) await queueIfRepeated(services, tx, report.territoryId, concerned.accountId, now)
}

/**
 * Counts the distinct people who reported this person, their listings or their messages in the
 * last 24 hours; from three on, the person's own item waits at priority 3. The day's reports of
 * the territory are few (each person may send twenty), so they are read whole and each is tied to
 * its person through the owners' batch read models: three statements whatever their number.
 */
async function queueIfRepeated(
  services: AppServices,
  tx: DbOrTx,
  territoryId: string,
  personId: string,
  now: Date,
): Promise<boolean> {
  const rows = await reportsSince(tx, territoryId, new Date(now.getTime() - REPEATED_REPORTS.windowMs))
  const ids = (kind: ReportTarget) => rows.filter((r) => r.targetKind === kind).map((r) => r.targetId)
  const [listings, messages] = await Promise.all([
    listingsByIds(tx, territoryId, ids('listing')),
    messagesByIds(tx, territoryId, ids('message')),
  ])
  const senders = new Map(messages.map((m) => [m.id, m.senderId]))
  const about = (r: (typeof rows)[number]) =>
    r.targetKind === 'account'
      ? r.targetId
      : r.targetKind === 'listing'
        ? listings.get(r.targetId)?.authorId
        : r.targetKind === 'message'
          ? senders.get(r.targetId)
          : undefined
  const theirs = rows.filter((r) => about(r) === personId && r.reporterId !== personId)
  if (new Set(theirs.map((r) => r.reporterId)).size < REPEATED_REPORTS.reporters) return false
  const person = await accountCard(tx, personId)
  await submitForReview(
    tx,
    {
      territoryId,
      subjectKind: 'account',
      subjectId: personId,
      cause: 'repeated-reports',
      priority: 3,
      accountId: personId,
      label: person?.displayName ?? '',
      details: [...new Set(theirs.map((r) => r.reason))].sort(),
    },
    { id: services.ids(), now },
  )
  return true
}

/**
 * A report closed from the reports' own list: when no other report on the same target is still
 * open, its queue item has nothing left to wait for and is withdrawn.
 */
export async function unqueueIfLast(
  services: AppServices,
  tx: DbOrTx,
  report: { id: string; territoryId: string; targetKind: ReportTarget; targetId: string },
): Promise<void> {
  const target = { kind: report.targetKind, id: report.targetId }
  if ((await otherOpenReports(tx, report.territoryId, target, report.id)) > 0) return
  await withdrawFromReview(
    tx,
    { territoryId: report.territoryId, subjectKind: report.targetKind, subjectId: report.targetId },
    services.clock.now(),
  )
}
