import type { Actor } from '../../platform/auth/actor.ts'
import { signedIn } from '../../platform/auth/guards.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { listingById, markAskFulfilled } from '../listings/index.ts'
import { checkThanks, roleOf, type ThanksInput } from './match.ts'
import { allowedAction, applyAction, type MatchResult, partyMatch } from './match-guards.ts'
import { recordFulfilled } from './match-stats.ts'

/**
 * Closing the loop once help is under way: either party says it happened, the author confirms it
 * with an optional thank-you, and an ask is fulfilled with that confirmation.
 */
export class MatchClosing {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  /** « Aide réalisée »: the responder tells the author; the author saying it is the confirmation. */
  async markDone(actor: Actor | null, territory: Territory, id: string, thanks: ThanksInput) {
    const me = signedIn(actor, 'listings:write')
    const match = await partyMatch(this.services, me, territory, id)
    if (roleOf(match, me.accountId) === 'author') return this.confirm(me, territory, id, thanks)
    await allowedAction(this.services, me, territory, id, 'markDone')
    const now = this.services.clock.now()
    const changes = { doneMarkedBy: me.accountId, doneMarkedAt: now }
    return this.#db.transaction((tx) =>
      applyAction(this.services, tx, territory, me, match, 'markDone', changes, 'match.doneMarked'),
    )
  }

  /**
   * The author confirms the help was given, with an optional thank-you note. For an ask the
   * listing is fulfilled in the same transaction; an offer goes on helping others.
   */
  async confirm(actor: Actor | null, territory: Territory, id: string, input: ThanksInput) {
    const { me, match } = await allowedAction(this.services, actor, territory, id, 'confirm')
    const issues: Issue[] = []
    const { thanks, thanksPublic } = checkThanks(input, issues)
    if (issues.length > 0) return { kind: 'invalid', issues } as MatchResult
    const now = this.services.clock.now()
    const changes = {
      status: 'done',
      doneMarkedBy: match.doneMarkedBy ?? me.accountId,
      doneMarkedAt: match.doneMarkedAt ?? now,
      thanks,
      thanksPublic,
      endedAt: now,
    } as const
    return this.#db.transaction(async (tx) => {
      const kind = thanks ? 'match.thanked' : 'match.confirmed'
      const result = await applyAction(this.services, tx, territory, me, match, 'confirm', changes, kind)
      await markAskFulfilled(tx, territory.id, match.listingId, now)
      const listing = result.kind === 'saved' && (await listingById(tx, territory.id, match.listingId))
      if (listing) await recordFulfilled(tx, match, listing, now)
      return result
    })
  }
}
