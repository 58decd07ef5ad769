import type { AuditAction } from '../../platform/audit/audit.ts'
import { type Actor, can } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { MessageKey, Params } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { accountCards, staffRank } from '../accounts/index.ts'
import { applyListingDecision, listingById, tellAuthorReviewed } from '../listings/index.ts'
import { hideMessage, messageSender } from '../matches/index.ts'
import { managerIdsOf } from '../organisations/index.ts'
import { closeReportsOn, type ReportTarget } from '../reports/index.ts'
import { decideHeldContent, decideOrganisation, ORGANISATION_TEXT_MAX } from './decision-effects.ts'
import { findItem, markDecided, type ReviewItemRow, saveExample } from './queue.repository.ts'
import {
  checkDecision,
  type Decision,
  type DecisionInput,
  decisionCode,
  decisionsFor,
  personOnly,
  sanctionFor,
  storedDecision,
} from './queue.ts'
import { applySanction } from './sanction-effects.ts'

export type DecisionOutcome =
  | { kind: 'decided'; item: ReviewItemRow; decision: Decision }
  | { kind: 'invalid'; issues: Issue[] }
  | { kind: 'refused'; key: MessageKey; params?: Params }

/** A refusal found inside the transaction: thrown to roll everything back, then said in words. */
class Refusal extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params?: Params,
  ) {
    super(key)
  }
}

const audits: Partial<Record<Decision, AuditAction>> = {
  warn: 'account.warned',
  suspend: 'account.suspended',
  ban: 'account.banned',
  hide: 'listing.hidden',
  change: 'listing.change-requested',
  publish: 'listing.published',
  reject: 'listing.rejected',
}
const reportTargets: Partial<Record<ReviewItemRow['subjectKind'], ReportTarget>> = {
  listing: 'listing',
  message: 'message',
  account: 'account',
  organisation: 'organisation',
}

/**
 * A moderator's decision on an item, taken once: the item is marked decided first, at the version
 * the moderator read, so of two decisions at once one applies and the other changes nothing; then,
 * in the same transaction, what it does to the content and the person, the sanction and its mail,
 * the reports closed, the labelled example and the audit log.
 */
export class DecisionService {
  constructor(private readonly services: AppServices) {}

  async decide(
    actor: Actor | null,
    territory: Territory,
    id: string,
    form: Record<string, string | undefined>,
  ): Promise<DecisionOutcome> {
    if (!can(actor, 'moderation:review')) throw new HttpError(403, 'forbidden')
    const { db } = this.services.database
    const item = isUuid(id) ? await findItem(db, territory.id, id) : null
    if (!item) throw notFound()
    if (item.status !== 'open') return this.#whyNot(item, actor!)
    // What changed since the page was read comes first: the decision may no longer fit the item.
    if (/^\d{1,9}$/.test(form.version ?? '') && Number(form.version) !== item.version)
      return this.#whyNot(item, actor!)
    const checked = checkDecision(decisionsFor(item.subjectKind, item.cause), form)
    if (checked.kind === 'invalid') return checked
    const { input } = checked
    if (item.subjectKind === 'organisation' && input.explanation.length > ORGANISATION_TEXT_MAX)
      return {
        kind: 'invalid',
        issues: [
          { field: 'explanation', key: 'decision.error.tooLong', params: { max: ORGANISATION_TEXT_MAX } },
        ],
      }
    const sanction = sanctionFor(item.subjectKind, input.decision)
    const personIds = sanction ? await this.#persons(territory, item) : []
    if (sanction) {
      if (personIds.length === 0) return { kind: 'refused', key: 'decision.refused.noPerson' }
      if (personIds.includes(actor!.accountId)) return { kind: 'refused', key: 'decision.refused.self' }
      const mine = await staffRank(db, actor!.accountId, territory.id)
      for (const personId of personIds) {
        const theirs = await staffRank(db, personId, territory.id)
        if (theirs > 0 && theirs >= mine) return { kind: 'refused', key: 'decision.refused.rank' }
      }
    }
    try {
      const decided = await db.transaction(async (tx) => {
        const now = this.services.clock.now()
        const row = await markDecided(tx, {
          territoryId: territory.id,
          id: item.id,
          version: input.version,
          by: actor!.accountId,
          decision: storedDecision(input),
          now,
        })
        if (!row) throw new Refusal('decision.refused.stale')
        await this.#apply(tx, territory, row, input, personIds, actor!.accountId, now)
        return row
      })
      return { kind: 'decided', item: decided, decision: input.decision }
    } catch (error) {
      if (!(error instanceof Refusal)) throw error
      if (error.key !== 'decision.refused.stale') return { kind: 'refused', key: error.key }
      return this.#whyNot((await findItem(db, territory.id, item.id))!, actor!)
    }
  }

  async #apply(
    tx: DbOrTx,
    territory: Territory,
    item: ReviewItemRow,
    input: DecisionInput,
    personIds: string[],
    by: string,
    now: Date,
  ): Promise<void> {
    const { decision } = input
    const onContent = decision !== 'dismiss' && !personOnly(decision)
    if ((item.subjectKind === 'mission' || item.subjectKind === 'need') && onContent) {
      if (!(await decideHeldContent(this.services, tx, territory, item, input, by, now)))
        throw new Refusal('decision.refused.subjectChanged')
    }
    if (item.subjectKind === 'organisation' && onContent) {
      const done = await decideOrganisation(this.services, tx, territory, item, input, by)
      if (done === 'own') throw new Refusal('decision.refused.own')
      if (done === 'changed') throw new Refusal('decision.refused.subjectChanged')
    }
    if (item.subjectKind === 'listing' && onContent) {
      const listing = await applyListingDecision(this.services, tx, {
        territoryId: territory.id,
        id: item.subjectId,
        decision: decision as 'publish' | 'reject' | 'hide' | 'change',
        now,
      })
      if (!listing) throw new Refusal('decision.refused.subjectChanged')
      // A refusal's mail is the sanction's, with the reason and the appeal link: one mail per decision.
      if (decision === 'publish') await tellAuthorReviewed(this.services, tx, territory, listing, 'published')
      if (item.cause === 'money-wording' || item.cause === 'review-policy')
        await saveExample(tx, {
          id: this.services.ids(),
          territoryId: territory.id,
          subjectKind: 'listing',
          subjectId: listing.id,
          text: `${listing.title}\n${listing.description}`,
          heldByRule: item.cause === 'money-wording',
          ruleReasons: item.details,
          asksMoney:
            (decision === 'reject' || decision === 'hide') &&
            (input.reason === 'commerce' || input.reason === 'money-request'),
          decidedAt: now,
        })
    }
    if (item.subjectKind === 'message' && decision === 'hide') {
      if (!(await hideMessage(tx, territory.id, item.subjectId, now)))
        throw new Refusal('decision.refused.subjectChanged')
    }
    const sanction = sanctionFor(item.subjectKind, decision)
    const sanctionIds: string[] = []
    for (const accountId of sanction ? personIds : [])
      sanctionIds.push(
        await applySanction(this.services, tx, territory, {
          item,
          accountId,
          kind: sanction!,
          reason: input.reason!,
          explanation: input.explanation,
          days: input.days,
          by,
          now,
        }),
      )
    const target = reportTargets[item.subjectKind]
    if (target)
      await closeReportsOn(
        tx,
        { territoryId: territory.id, targetKind: target, targetId: item.subjectId },
        { status: decision === 'dismiss' ? 'dismissed' : 'handled', handledBy: by, handledAt: now },
      )
    const details = {
      decision: decisionCode[decision],
      subject: item.subjectKind,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.dismissal ? { dismissal: input.dismissal } : {}),
      ...(input.days ? { days: input.days } : {}),
      ...(sanctionIds.length > 0 ? { sanction: sanctionIds.join(',') } : {}),
    }
    const record = (action: AuditAction, targetId: string) =>
      this.services.audit.record({ territoryId: territory.id, actorId: by, action, targetId, details }, tx)
    await record('moderation.decided', item.id)
    // Missions, needs and organisations write their own entry through their domain's decision.
    const specific = audits[decision]
    if (specific && item.subjectKind === 'listing' && !personOnly(decision))
      await record(specific, item.subjectId)
    if (specific && personOnly(decision)) for (const personId of personIds) await record(specific, personId)
  }

  /**
   * The people a sanction falls on: the one the item names, else the listing's author, the
   * message's sender, or an organisation's managers.
   */
  async #persons(territory: Territory, item: ReviewItemRow): Promise<string[]> {
    if (item.accountId) return [item.accountId]
    const { db } = this.services.database
    const one = (id: string | null | undefined) => (id ? [id] : [])
    if (item.subjectKind === 'account') return [item.subjectId]
    if (item.subjectKind === 'listing')
      return one((await listingById(db, territory.id, item.subjectId))?.authorId)
    if (item.subjectKind === 'message') return one(await messageSender(db, territory.id, item.subjectId))
    if (item.subjectKind === 'organisation') return managerIdsOf(db, item.subjectId)
    return []
  }

  /** Why a decision did not apply, in words: decided by someone, held by someone, or changed since. */
  async #whyNot(item: ReviewItemRow, actor: Actor): Promise<DecisionOutcome> {
    const { db } = this.services.database
    const nameOf = async (id: string | null) =>
      id ? ((await accountCards(db, [id])).get(id)?.displayName ?? '') : ''
    if (item.status === 'decided')
      return {
        kind: 'refused',
        key: 'decision.refused.decided',
        params: { name: await nameOf(item.decidedBy) },
      }
    if (item.status === 'withdrawn') return { kind: 'refused', key: 'decision.refused.withdrawn' }
    const now = this.services.clock.now()
    const heldByOther =
      item.claimedBy && item.claimedBy !== actor.accountId && item.leaseUntil && item.leaseUntil > now
    if (heldByOther)
      return {
        kind: 'refused',
        key: 'decision.refused.claimed',
        params: { name: await nameOf(item.claimedBy) },
      }
    return { kind: 'refused', key: 'decision.refused.stale' }
  }
}
