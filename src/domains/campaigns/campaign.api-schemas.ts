import { type Static, type TSchema, Type } from '@sinclair/typebox'
import {
  batchStatuses,
  campaignItems,
  campaignStatuses,
  ledgerMovements,
  makerKinds,
  pointRoles,
} from './campaign.schema.ts'
import type { Campaign } from './campaign-access.ts'
import type { NamedPoint, ProgressRow } from './campaign-view.service.ts'
import type { LedgerLine } from './ledger.service.ts'
import type { Batch, Maker } from './maker.repository.ts'

/** The shapes the campaigns API reads and answers. */

const enumOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] })
const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()])
const uuid = Type.String({ format: 'uuid' })
const day = Type.String({ format: 'date', examples: ['2026-04-02'] })
export const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
}

const PointView = Type.Object({
  id: uuid,
  name: Type.String(),
  role: enumOf(pointRoles),
  commune: Type.Object({ insee: Type.String({ examples: ['14047'] }), name: Type.String() }),
  address: Type.String(),
  hours: Type.String(),
})
export const CampaignView = Type.Object(
  {
    id: uuid,
    item: enumOf(campaignItems),
    status: enumOf(campaignStatuses),
    title: Type.String({ examples: ['Masques en tissu pour les aidants'] }),
    specification: Type.String({ description: 'plain text, line breaks kept' }),
    targetQuantity: Type.Integer(),
    unit: Type.String({ examples: ['masques'] }),
    startsOn: day,
    endsOn: day,
    made: Type.Integer({ description: 'what confirmed batches brought so far' }),
    attachmentUrl: nullable(Type.String({ description: 'the specification’s file, a download' })),
    points: Type.Optional(Type.Array(PointView)),
  },
  { $id: 'SupplyCampaign', description: 'A supply campaign, with its points when read alone' },
)
const Count = Type.Integer({ minimum: 0 })
export const ProgressView = Type.Object(
  {
    made: Count,
    distributed: Count,
    openRequests: Count,
    communes: Type.Array(
      Type.Object({
        insee: Type.String(),
        name: Type.String(),
        made: Count,
        distributed: Count,
        openRequests: Count,
      }),
    ),
  },
  { $id: 'SupplyProgress', description: 'Made, distributed and requests open, per commune; counts only' },
)
export const BatchView = Type.Object(
  {
    id: uuid,
    campaignId: uuid,
    makerId: uuid,
    pointId: uuid,
    quantity: Type.Integer(),
    status: enumOf(batchStatuses),
    receivedQuantity: nullable(Type.Integer()),
    refusalReason: nullable(Type.String()),
    handedOn: day,
  },
  { $id: 'SupplyBatch', description: 'A batch a maker handed over at a collection point' },
)
export const MakerView = Type.Object(
  {
    id: uuid,
    campaignId: uuid,
    kind: enumOf(makerKinds),
    organisationId: nullable(uuid),
    weeklyCapacity: Type.Integer(),
    stockHeld: Type.Integer(),
    batches: Type.Optional(Type.Array(Type.Ref('SupplyBatch'))),
  },
  { $id: 'SupplyMaker', description: 'One’s participation as a maker in a campaign' },
)
export const LedgerEntryView = Type.Object(
  {
    id: Type.Integer(),
    pointId: uuid,
    movement: enumOf(ledgerMovements),
    onHandDelta: Type.Integer(),
    reservedDelta: Type.Integer(),
    batchId: nullable(uuid),
    allocationId: nullable(uuid),
    correctsId: nullable(Type.Integer()),
    reason: Type.String(),
    recordedBy: Type.String({ description: 'the name of who recorded it' }),
    recordedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'SupplyLedgerEntry', description: 'One movement of the stock ledger; never edited, never deleted' },
)

/** Numbers may come as numbers or text: both go through the same rules, with French messages. */
const numberish = Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Integer()]))
export const CapacityBody = Type.Object(
  {
    organisationId: Type.Optional(
      Type.String({ maxLength: 100, description: 'an association or workshop I manage' }),
    ),
    weeklyCapacity: numberish,
    stockHeld: numberish,
  },
  { additionalProperties: false },
)
export type CapacityBody = Static<typeof CapacityBody>
export const BatchBody = Type.Object(
  {
    makerId: Type.Optional(
      Type.String({ maxLength: 100, description: 'my participation; my own when absent' }),
    ),
    quantity: numberish,
    pointId: Type.Optional(Type.String({ maxLength: 100 })),
    handedOn: Type.Optional(Type.String({ maxLength: 100, examples: ['2026-04-02'] })),
  },
  { additionalProperties: false },
)
export type BatchBody = Static<typeof BatchBody>
export const str = (v: string | number | undefined) => (v === undefined ? '' : String(v))

export function pointView(p: NamedPoint) {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    commune: { insee: p.communeInsee, name: p.communeName },
    address: p.address,
    hours: p.hours,
  }
}
export function campaignView(c: Campaign, made: number, attachment: boolean, points?: NamedPoint[]) {
  return {
    id: c.id,
    item: c.item,
    status: c.status,
    title: c.title,
    specification: c.specification,
    targetQuantity: c.targetQuantity,
    unit: c.unit,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    made,
    attachmentUrl: attachment ? `/collectes/${c.id}/cahier-des-charges` : null,
    ...(points ? { points: points.map(pointView) } : {}),
  }
}
export const progressView = (p: {
  totals: { made: number; distributed: number; openRequests: number }
  communes: ProgressRow[]
}) => ({
  ...p.totals,
  communes: p.communes.map((c) => ({
    insee: c.communeInsee,
    name: c.communeName,
    made: c.made,
    distributed: c.distributed,
    openRequests: c.openRequests,
  })),
})
export const batchView = (b: Batch) => ({
  id: b.id,
  campaignId: b.campaignId,
  makerId: b.makerId,
  pointId: b.pointId,
  quantity: b.quantity,
  status: b.status,
  receivedQuantity: b.receivedQuantity,
  refusalReason: b.refusalReason,
  handedOn: b.handedOn,
})
export const makerView = (m: Maker, batches?: Batch[]) => ({
  id: m.id,
  campaignId: m.campaignId,
  kind: m.kind,
  organisationId: m.organisationId,
  weeklyCapacity: m.weeklyCapacity,
  stockHeld: m.stockHeld,
  ...(batches ? { batches: batches.map(batchView) } : {}),
})
export const ledgerEntryView = (l: LedgerLine) => ({
  id: l.id,
  pointId: l.pointId,
  movement: l.movement,
  onHandDelta: l.onHandDelta,
  reservedDelta: l.reservedDelta,
  batchId: l.batchId,
  allocationId: l.allocationId,
  correctsId: l.correctsId,
  reason: l.reason,
  recordedBy: l.who,
  recordedAt: l.recordedAt.toISOString(),
})
