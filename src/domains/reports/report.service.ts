import { type Actor, can } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { isVisibleTo, listingById } from '../listings/index.ts'
import { organisationIn } from '../organisations/index.ts'
import { closeReport, findReport, hasReported, insertReport, listOpenReports } from './report.repository.ts'
import {
  type Concerned,
  checkReport,
  isReportTarget,
  type OpenReport,
  REPORT_LIMITS,
  type ReportInput,
  type ReportReason,
  type ReportTarget,
  type TargetView,
  UUID,
} from './report.ts'
import { queueReport, unqueueIfLast } from './report-queue.ts'
import { messageForReporter, territoryAccount, withTargets } from './report-targets.ts'

export type SubmitResult =
  | { kind: 'created'; id: string; reason: ReportReason }
  | { kind: 'already' }
  | { kind: 'invalid'; issues: Issue[] }

/**
 * Residents, signed in: reporting needs an account so one person cannot flood the list
 * anonymously. A token reports only if its owner let it write; the web form always may.
 */
const reporter = (actor: Actor | null): Actor => signedIn(actor, 'listings:write')

const reviewer = (actor: Actor | null): Actor => {
  if (!actor || !can(actor, 'report:review')) throw new HttpError(403, 'forbidden')
  return actor
}

/** How many open reports the list shows at once; handling them brings the older ones up. */
/** `<milliseconds>_<id>` of the last report shown; the page route checks its shape. */
export const PAGE_CURSOR = '^[0-9]{1,15}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
const pageCursor = (r: OpenReport) => `${r.createdAt.getTime()}_${r.id}`
function readPageCursor(text: string | undefined) {
  if (!text || !new RegExp(PAGE_CURSOR).test(text)) return undefined
  const [ms, id] = text.split('_') as [string, string]
  return { createdAt: new Date(Number(ms)), id }
}

/** Reports a page of the staff list shows; older ones are on the next pages. */
export const REPORTS_PER_PAGE = 25

/** Reports on listings, messages and profiles, and their handling by staff. */
export class ReportService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /**
   * The thing reported, if the person may see it: a listing they can read, a message of their own
   * conversation, an account of this territory, a verified organisation of it. Anything else does
   * not exist for them (404).
   */
  async target(actor: Actor | null, territory: Territory, kind: string, id: string): Promise<TargetView> {
    return (await this.#resolve(reporter(actor), territory, kind, id)).view
  }

  /** The target as the reporter sees it, and whom it is about for the moderation queue. */
  async #resolve(
    me: Actor,
    territory: Territory,
    kind: string,
    id: string,
  ): Promise<{ view: TargetView; concerned: Concerned }> {
    if (!isReportTarget(kind) || !UUID.test(id)) throw notFound()
    if (kind === 'listing') {
      const listing = await listingById(this.#db, territory.id, id)
      const viewer = { accountId: me.accountId, moderator: can(me, 'listing:moderate') }
      if (!listing || !isVisibleTo(listing, viewer)) throw notFound()
      return {
        view: { kind, id, title: listing.title, href: `/annonces/${id}` },
        concerned: { accountId: listing.authorId, label: listing.title },
      }
    }
    if (kind === 'message') {
      const message = await messageForReporter(this.#db, territory.id, id, me.accountId)
      if (!message) throw notFound()
      const { senderName, body, matchId } = message
      return {
        view: { kind, id, senderName, body, href: `/mises-en-relation/${matchId}` },
        // The sender's name, never the message's text: the queue's list is not where it is read.
        concerned: { accountId: message.senderId, label: senderName },
      }
    }
    if (kind === 'organisation') {
      const organisation = await organisationIn(this.#db, territory.id, id)
      if (!organisation || organisation.status !== 'verified') throw notFound()
      return {
        view: { kind, id, name: organisation.name, href: `/organisations/${id}` },
        concerned: { accountId: null, label: organisation.name },
      }
    }
    const account = await territoryAccount(this.#db, territory.id, id)
    if (!account) throw notFound()
    return {
      view: { kind, id, displayName: account.displayName },
      concerned: { accountId: account.id, label: account.displayName },
    }
  }

  /** Whether this person already reported it: the form then says so instead of asking again. */
  async alreadyReported(actor: Actor | null, target: { kind: ReportTarget; id: string }) {
    const me = reporter(actor)
    return hasReported(this.#db, me.accountId, target.kind, target.id)
  }

  /** Records a report once per person and target; nothing is stored on bad input or an unseen target. */
  async submit(
    actor: Actor | null,
    territory: Territory,
    kind: string,
    id: string,
    input: ReportInput,
  ): Promise<SubmitResult> {
    const me = reporter(actor)
    const { view: target, concerned } = await this.#resolve(me, territory, kind, id)
    const checked = checkReport(input)
    if (checked.issues.length > 0 || !checked.reason) return { kind: 'invalid', issues: checked.issues }
    if (await hasReported(this.#db, me.accountId, target.kind, target.id)) return { kind: 'already' }
    // Counted once the report is valid and new, so a mistake or a second click costs nothing.
    await this.services.rateLimiter.hit(`report:${me.accountId}`, REPORT_LIMITS.perDay)
    const reportId = this.services.ids()
    const reason = checked.reason
    // The report and its place in the moderation queue are one write: neither without the other.
    const created = await this.#db.transaction(async (tx) => {
      const inserted = await insertReport(tx, {
        id: reportId,
        territoryId: territory.id,
        reporterId: me.accountId,
        targetKind: target.kind,
        targetId: target.id,
        reason,
        comment: checked.comment,
        createdAt: this.services.clock.now(),
      })
      // A second report by the same person on the same target counts once: nothing is queued.
      if (inserted)
        await queueReport(this.services, tx, { territoryId: territory.id, target, reason }, concerned)
      return inserted
    })
    return created ? { kind: 'created', id: reportId, reason } : { kind: 'already' }
  }

  /**
   * Open reports for staff. A reported message's text is shown to them so they can judge it: the
   * only way staff read a message, and each reading is written to the audit log.
   */
  async open(
    actor: Actor | null,
    territory: Territory,
    after?: string,
  ): Promise<{ reports: OpenReport[]; next: string | null }> {
    const me = reviewer(actor)
    const rows = await listOpenReports(this.#db, territory.id, REPORTS_PER_PAGE + 1, readPageCursor(after))
    const list = await withTargets(this.#db, territory.id, rows.slice(0, REPORTS_PER_PAGE))
    const last = list.at(-1)
    const next = rows.length > REPORTS_PER_PAGE && last ? pageCursor(last) : null
    const read = list.filter((r) => r.target.kind === 'message' && r.target.body !== null)
    if (read.length > 0) {
      await this.#db.transaction(async (tx) => {
        for (const r of read) {
          await this.services.audit.record(
            {
              territoryId: territory.id,
              actorId: me.accountId,
              action: 'report.message-read',
              targetId: r.target.id,
              details: { report: r.id },
            },
            tx,
          )
        }
      })
    }
    return { reports: list, next }
  }

  /** « Traité » or « Sans suite »: who and when are kept on the report, and the decision in the audit log. */
  async close(actor: Actor | null, territory: Territory, id: string, status: 'handled' | 'dismissed') {
    const me = reviewer(actor)
    if (!UUID.test(id)) throw notFound()
    const now = this.services.clock.now()
    const closed = await this.#db.transaction(async (tx) => {
      const row = await closeReport(tx, territory.id, id, {
        status,
        handledBy: me.accountId,
        handledAt: now,
      })
      if (row) {
        await unqueueIfLast(this.services, tx, row)
        await this.services.audit.record(
          {
            territoryId: territory.id,
            actorId: me.accountId,
            action: status === 'handled' ? 'report.handled' : 'report.dismissed',
            targetId: row.id,
            details: { target: row.targetKind, reason: row.reason },
          },
          tx,
        )
      }
      return row
    })
    if (closed) return closed
    // Not open: handled by a colleague meanwhile (409), or not a report of this territory (404).
    if (await findReport(this.#db, territory.id, id)) throw new HttpError(409, 'report-closed')
    throw notFound()
  }
}
