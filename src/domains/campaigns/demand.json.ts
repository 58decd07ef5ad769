import { type TSchema, Type } from '@sinclair/typebox'
import { allocationStatuses, priorities, requesterKinds, requestStatuses } from './campaign.schema.ts'
import type { SupplyAllocation, SupplyPoint } from './request.repository.ts'
import type { SupplyRequest } from './request.ts'

/** What the API answers about requests and their allocations: schemas (OpenAPI) and how rows become them. */

const enumOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] })
const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()])
const count = Type.Integer({ minimum: 0 })

export const SupplyAllocationJson = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    quantity: Type.Integer({ minimum: 1 }),
    status: enumOf(allocationStatuses),
    collectFrom: nullable(
      Type.String({ format: 'date', description: 'from that day, at the point’s hours' }),
    ),
    point: Type.Object({
      id: Type.String({ format: 'uuid' }),
      name: Type.String(),
      communeInsee: Type.String(),
      address: Type.String(),
      hours: Type.String({ examples: ['mardi et jeudi, 14 h – 18 h'] }),
    }),
  },
  { $id: 'SupplyRequestAllocation', description: 'Units of a request to collect at a point' },
)

export const SupplyRequestJson = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    campaignId: Type.String({ format: 'uuid' }),
    requesterKind: enumOf(requesterKinds),
    organisationId: nullable(Type.String({ format: 'uuid', description: 'asked on behalf of it' })),
    quantity: Type.Integer({ minimum: 1, maximum: 999_999 }),
    requestedPriority: enumOf(priorities),
    priority: enumOf(priorities),
    preferredPointId: nullable(Type.String({ format: 'uuid' })),
    communeInsee: Type.String(),
    status: enumOf(requestStatuses),
    allocated: count,
    collected: count,
    createdAt: Type.String({ format: 'date-time' }),
    note: Type.Optional(Type.String({ description: 'the requester and those who run the campaign only' })),
    allocations: Type.Array(Type.Ref('SupplyRequestAllocation')),
  },
  { $id: 'SupplyRequest', description: 'A request for material of a supply campaign, with its allocations' },
)

export function allocationJson(a: { allocation: SupplyAllocation; point: SupplyPoint }) {
  return {
    id: a.allocation.id,
    quantity: a.allocation.quantity,
    status: a.allocation.status,
    collectFrom: a.allocation.collectFrom,
    point: {
      id: a.point.id,
      name: a.point.name,
      communeInsee: a.point.communeInsee,
      address: a.point.address,
      hours: a.point.hours,
    },
  }
}

export function requestJson(
  r: SupplyRequest,
  allocations: { allocation: SupplyAllocation; point: SupplyPoint }[],
) {
  return {
    id: r.id,
    campaignId: r.campaignId,
    requesterKind: r.requesterKind,
    organisationId: r.organisationId,
    quantity: r.quantity,
    requestedPriority: r.requestedPriority,
    priority: r.priority,
    preferredPointId: r.preferredPointId,
    communeInsee: r.communeInsee,
    status: r.status,
    allocated: r.allocated,
    collected: r.collected,
    createdAt: r.createdAt.toISOString(),
    note: r.note,
    allocations: allocations.map(allocationJson),
  }
}
