import { type Actor, can } from '../../platform/auth/actor.ts'
import { forbidden } from '../../platform/http/problem.ts'
import { medianReviewHours } from '../../platform/review/review-queue.ts'
import type { AppServices } from '../../platform/services.ts'
import { setReviewPolicy } from '../../platform/tenancy/review-policy.repository.ts'
import { type ReviewPolicy, reviewPolicies } from '../../platform/tenancy/territory.schema.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'

export type PolicySaved = { kind: 'saved'; policy: ReviewPolicy } | { kind: 'invalid'; issues: Issue[] }

export const isReviewPolicy = (value: unknown): value is ReviewPolicy =>
  typeof value === 'string' && (reviewPolicies as readonly string[]).includes(value)

function administrator(actor: Actor | null): Actor {
  if (!actor || !can(actor, 'moderation:configure')) throw forbidden()
  return actor
}

/**
 * The territory's review before publication: which new listings a moderator reads before anyone
 * else sees them. Administrators choose; the change and its audit entry are one write, then the
 * cached territory is forgotten so the next listing follows the new rule.
 */
export class ReviewPolicyService {
  constructor(private readonly services: AppServices) {}

  /** The setting as it is, and how long readings took lately (what authors are told). */
  async current(actor: Actor | null, territory: Territory) {
    administrator(actor)
    const { database, clock } = this.services
    const hours = await medianReviewHours(database.db, territory.id, clock.now())
    return { policy: territory.reviewPolicy, medianHours: hours }
  }

  async save(actor: Actor | null, territory: Territory, choice: string): Promise<PolicySaved> {
    const me = administrator(actor)
    if (!isReviewPolicy(choice))
      return { kind: 'invalid', issues: [{ field: 'policy', key: 'reviewPolicy.error.choose' }] }
    const from = territory.reviewPolicy
    if (choice === from) return { kind: 'saved', policy: choice }
    const now = this.services.clock.now()
    await this.services.database.db.transaction(async (tx) => {
      await setReviewPolicy(tx, territory.id, choice, now)
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'moderation.policy-changed',
          targetId: territory.id,
          details: { from, to: choice },
        },
        tx,
      )
    })
    this.services.tenancy.forget()
    return { kind: 'saved', policy: choice }
  }
}
