import type { Actor } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { notFound } from '../../platform/http/problem.ts'
import { isLocale } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, isUuid } from '../../platform/validation.ts'
import { accountCards } from '../accounts/index.ts'
import { checkReason, formatCount, parseQuantity } from './campaign.ts'
import { type Campaign, runCampaign } from './campaign-access.ts'
import { recordMovement } from './ledger.repository.ts'
import { type Batch, decideBatch, findBatch, makerById } from './maker.repository.ts'

export type Decision =
  | { kind: 'decided'; batch: Batch }
  | { kind: 'already'; batch: Batch }
  | { kind: 'invalid'; issues: Issue[]; batch: Batch }

/**
 * Those who run the campaign confirm a batch on receipt (maybe for fewer than declared), which
 * puts it in the point's stock in the same transaction, or refuse it with a reason. A batch is
 * decided once: the update is conditional on its being still declared.
 */
export class ReceiptService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  async #batch(actor: Actor | null, territory: Territory, campaignId: string, batchId: string) {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, campaignId)
    const batch = isUuid(batchId) ? await findBatch(this.#db, campaign.id, batchId) : null
    if (!batch) throw notFound()
    return { campaign, me, batch }
  }

  /** An empty quantity confirms all of it. */
  async confirm(
    actor: Actor | null,
    territory: Territory,
    campaignId: string,
    batchId: string,
    receivedText: string,
  ): Promise<Decision> {
    const { campaign, me, batch } = await this.#batch(actor, territory, campaignId, batchId)
    if (batch.status !== 'declared') return { kind: 'already', batch }
    const received =
      receivedText.trim() === ''
        ? batch.quantity
        : parseQuantity(receivedText, 'received', { max: batch.quantity })
    if (typeof received !== 'number') return { kind: 'invalid', issues: [received], batch }
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const decided = await decideBatch(tx, batch.id, {
        status: 'confirmed',
        receivedQuantity: received,
        refusalReason: null,
        decidedAt: now,
        decidedBy: me.accountId,
      })
      if (!decided) return { kind: 'already', batch } as Decision
      await recordMovement(tx, {
        campaignId: campaign.id,
        pointId: batch.pointId,
        movement: 'received',
        quantity: received,
        batchId: batch.id,
        recordedBy: me.accountId,
        at: now,
      })
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'campaign.batch-confirmed',
          targetId: batch.id,
          details: { campaignId: campaign.id, declared: batch.quantity, received },
        },
        tx,
      )
      await this.#tellMaker(tx, territory, campaign, decided)
      return { kind: 'decided', batch: decided } as Decision
    })
  }

  async refuse(
    actor: Actor | null,
    territory: Territory,
    campaignId: string,
    batchId: string,
    reasonText: string,
  ): Promise<Decision> {
    const { campaign, me, batch } = await this.#batch(actor, territory, campaignId, batchId)
    if (batch.status !== 'declared') return { kind: 'already', batch }
    const issues: Issue[] = []
    const reason = checkReason(reasonText, 'reason', issues)
    if (issues.length > 0) return { kind: 'invalid', issues, batch }
    const now = this.services.clock.now()
    return this.#db.transaction(async (tx) => {
      const decided = await decideBatch(tx, batch.id, {
        status: 'refused',
        receivedQuantity: null,
        refusalReason: reason,
        decidedAt: now,
        decidedBy: me.accountId,
      })
      if (!decided) return { kind: 'already', batch } as Decision
      await this.services.audit.record(
        {
          territoryId: territory.id,
          actorId: me.accountId,
          action: 'campaign.batch-refused',
          targetId: batch.id,
          details: { campaignId: campaign.id },
        },
        tx,
      )
      await this.#tellMaker(tx, territory, campaign, decided)
      return { kind: 'decided', batch: decided } as Decision
    })
  }

  /** The maker hears of the decision, in the transaction that makes it. */
  async #tellMaker(tx: DbOrTx, territory: Territory, campaign: Campaign, batch: Batch) {
    const maker = await makerById(tx, campaign.id, batch.makerId)
    if (!maker) return
    const person = (await accountCards(tx, [maker.accountId])).get(maker.accountId)
    if (!person || person.status !== 'active') return
    const link = `${territoryBaseUrl(this.services.config, territory)}/mes-collectes`
    const common = {
      name: person.displayName,
      title: campaign.title,
      declared: `${formatCount(batch.quantity)} ${campaign.unit}`,
      link,
    }
    await this.services.mailer.send({
      territory,
      to: person.email,
      locale: isLocale(person.locale) ? person.locale : 'fr',
      ...(batch.status === 'confirmed'
        ? {
            template: 'campaign-batch-confirmed' as const,
            data: { ...common, received: `${formatCount(batch.receivedQuantity ?? 0)} ${campaign.unit}` },
          }
        : {
            template: 'campaign-batch-refused' as const,
            data: { ...common, reason: batch.refusalReason ?? '' },
          }),
      tx,
    })
  }
}
