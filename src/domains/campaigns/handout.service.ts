import type { Actor } from '../../platform/auth/actor.ts'
import { HttpError, notFound } from '../../platform/http/problem.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { isUuid } from '../../platform/validation.ts'
import { findAllocation, moveAllocation } from './allocation.repository.ts'
import { runCampaign } from './campaign-access.ts'
import { recordMovement } from './ledger.repository.ts'
import { moveRequestCounters } from './request.repository.ts'

/**
 * What happens at the distribution point to a confirmed allocation: handed out (stock leaves the
 * point) or cancelled (its reservation is released). Each happens once: the allocation leaves
 * « confirmed » in the same transaction as its ledger entry, so a second click finds it gone.
 */
export class HandoutService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  async handOut(actor: Actor | null, territory: Territory, campaignId: string, allocationId: string) {
    return this.#settle(actor, territory, campaignId, allocationId, 'collected')
  }

  async cancel(actor: Actor | null, territory: Territory, campaignId: string, allocationId: string) {
    return this.#settle(actor, territory, campaignId, allocationId, 'cancelled')
  }

  async #settle(
    actor: Actor | null,
    territory: Territory,
    campaignId: string,
    allocationId: string,
    to: 'collected' | 'cancelled',
  ) {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, campaignId)
    const found = isUuid(allocationId) ? await findAllocation(this.#db, campaign.id, allocationId) : null
    if (!found) throw notFound()
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const allocation = await moveAllocation(tx, campaign.id, found.id, 'confirmed', to, now)
      if (!allocation) throw new HttpError(409, 'allocation-status')
      await recordMovement(tx, {
        campaignId: campaign.id,
        pointId: allocation.pointId,
        movement: to === 'collected' ? 'handed-out' : 'released',
        quantity: allocation.quantity,
        allocationId: allocation.id,
        recordedBy: me.accountId,
        at: now,
      })
      const delta =
        to === 'collected'
          ? { allocated: 0, collected: allocation.quantity }
          : { allocated: -allocation.quantity, collected: 0 }
      const request = await moveRequestCounters(tx, allocation.requestId, delta, now)
      if (!request) throw new HttpError(409, 'request-status')
      return allocation
    })
  }
}
