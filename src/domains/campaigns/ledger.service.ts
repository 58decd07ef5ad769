import { and, eq } from 'drizzle-orm'
import type { Actor } from '../../platform/auth/actor.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Issue } from '../../platform/validation.ts'
import { accountCards } from '../accounts/index.ts'
import { pointsOf } from './campaign.repository.ts'
import { supplyLedger } from './campaign.schema.ts'
import { checkReason, parseQuantity, parseSignedQuantity } from './campaign.ts'
import { runCampaign } from './campaign-access.ts'
import {
  type LedgerEntry,
  ledgerEntries,
  recordMovement,
  StockShortage,
  stockByPoint,
} from './ledger.repository.ts'

/** Entries a page of the ledger shows; older ones follow by « before ». */
export const LEDGER_PAGE = 100
/** The export stops there: a campaign's ledger holds thousands of entries, not millions. */
const EXPORT_MAX = 100_000

export interface LossInput {
  pointId: string
  quantity: string
  reason: string
}
export interface CorrectionInput {
  correctsId: string
  quantity: string
  reason: string
}

export type LedgerLine = LedgerEntry & { who: string }

async function entryOf(db: DbOrTx, campaignId: string, id: number): Promise<LedgerEntry | null> {
  const [row] = await db
    .select()
    .from(supplyLedger)
    .where(and(eq(supplyLedger.campaignId, campaignId), eq(supplyLedger.id, id)))
  return row ?? null
}

/**
 * The stock ledger as those who run the campaign read it, and the two movements they write by
 * hand: a loss and a correction. There is no edit and no delete: a mistake is corrected by a new
 * entry that names the one it corrects.
 */
export class LedgerService {
  constructor(private readonly services: AppServices) {}

  get #db() {
    return this.services.database.db
  }

  async page(
    actor: Actor | null,
    territory: Territory,
    id: string,
    options: { pointId?: string; before?: string },
  ) {
    const { campaign } = await runCampaign(this.#db, actor, territory.id, id, 'campaigns:read')
    const points = await pointsOf(this.#db, campaign.id)
    const pointId = points.find((p) => p.id === options.pointId)?.id
    const before = /^\d{1,15}$/.test(options.before ?? '') ? Number(options.before) : undefined
    const entries = await ledgerEntries(this.#db, campaign.id, {
      ...(pointId ? { pointId } : {}),
      ...(before ? { before } : {}),
      limit: LEDGER_PAGE + 1,
    })
    const more = entries.length > LEDGER_PAGE
    return {
      campaign,
      points,
      pointId: pointId ?? null,
      lines: await this.#named(entries.slice(0, LEDGER_PAGE)),
      next: more ? entries[LEDGER_PAGE - 1]!.id : null,
      stock: await stockByPoint(this.#db, campaign.id),
    }
  }

  /** Every entry, newest first, for the export. */
  async all(actor: Actor | null, territory: Territory, id: string) {
    const { campaign } = await runCampaign(this.#db, actor, territory.id, id, 'campaigns:read')
    const entries = await ledgerEntries(this.#db, campaign.id, { limit: EXPORT_MAX })
    return { campaign, points: await pointsOf(this.#db, campaign.id), lines: await this.#named(entries) }
  }

  async recordLoss(actor: Actor | null, territory: Territory, id: string, input: LossInput) {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, id)
    const issues: Issue[] = []
    const point = (await pointsOf(this.#db, campaign.id)).find((p) => p.id === input.pointId)
    if (!point) issues.push({ field: 'lossPointId', key: 'supply.ledger.point' })
    const quantity = parseQuantity(input.quantity, 'lossQuantity')
    if (typeof quantity !== 'number') issues.push(quantity)
    const reason = checkReason(input.reason, 'lossReason', issues)
    if (issues.length > 0 || !point || typeof quantity !== 'number')
      return { kind: 'invalid' as const, issues }
    return this.#write(territory, me, 'campaign.stock-lost', 'lossQuantity', {
      campaignId: campaign.id,
      pointId: point.id,
      movement: 'lost',
      quantity,
      reason,
    })
  }

  async recordCorrection(actor: Actor | null, territory: Territory, id: string, input: CorrectionInput) {
    const { campaign, me } = await runCampaign(this.#db, actor, territory.id, id)
    const issues: Issue[] = []
    const entryId = /^\d{1,15}$/.test(input.correctsId.trim()) ? Number(input.correctsId.trim()) : null
    const corrected = entryId ? await entryOf(this.#db, campaign.id, entryId) : null
    if (!corrected) issues.push({ field: 'correctsId', key: 'supply.correction.entry' })
    const quantity = parseSignedQuantity(input.quantity, 'correctionQuantity')
    if (typeof quantity !== 'number') issues.push(quantity)
    const reason = checkReason(input.reason, 'correctionReason', issues)
    if (issues.length > 0 || !corrected || typeof quantity !== 'number')
      return { kind: 'invalid' as const, issues }
    return this.#write(territory, me, 'campaign.stock-corrected', 'correctionQuantity', {
      campaignId: campaign.id,
      pointId: corrected.pointId,
      movement: 'correction',
      quantity,
      correctsId: corrected.id,
      reason,
    })
  }

  /** One movement and its audit entry, or nothing at all when the database refuses the stock below zero. */
  async #write(
    territory: Territory,
    me: Actor,
    action: 'campaign.stock-lost' | 'campaign.stock-corrected',
    field: string,
    m: {
      campaignId: string
      pointId: string
      movement: 'lost' | 'correction'
      quantity: number
      correctsId?: number
      reason: string
    },
  ) {
    try {
      const entryId = await this.#db.transaction(async (tx) => {
        const entryId = await recordMovement(tx, {
          ...m,
          recordedBy: me.accountId,
          at: this.services.clock.now(),
        })
        await this.services.audit.record(
          {
            territoryId: territory.id,
            actorId: me.accountId,
            action,
            targetId: m.campaignId,
            details: { pointId: m.pointId, quantity: m.quantity, entryId },
          },
          tx,
        )
        return entryId
      })
      return { kind: 'saved' as const, entryId }
    } catch (error) {
      if (!(error instanceof StockShortage)) throw error
      return { kind: 'invalid' as const, issues: [{ field, key: 'supply.ledger.shortage' } as Issue] }
    }
  }

  async #named(entries: LedgerEntry[]): Promise<LedgerLine[]> {
    const ids = [...new Set(entries.flatMap((e) => (e.recordedBy ? [e.recordedBy] : [])))]
    const people = await accountCards(this.#db, ids)
    return entries.map((e) => ({
      ...e,
      who: e.recordedBy ? (people.get(e.recordedBy)?.displayName ?? '') : '',
    }))
  }
}
