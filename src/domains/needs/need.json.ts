import { type TSchema, Type } from '@sinclair/typebox'
import { needStatuses, pledgeStatuses } from './need.schema.ts'
import type { NeedView } from './need.service.ts'
import type { Pledge } from './need.ts'

/** What the API answers about needs and pledges: their schemas (OpenAPI) and how rows become them. */

const enumOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] })
const nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()])
const count = Type.Integer({ minimum: 0 })

export const NeedJson = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    organisation: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
    title: Type.String({ examples: ['Repas pour la distribution du samedi'] }),
    description: Type.String({ description: 'plain text, line breaks kept' }),
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000, examples: [100] }),
    unit: Type.String({ examples: ['repas'] }),
    category: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    deadline: nullable(Type.String({ format: 'date', examples: ['2026-06-30'] })),
    allowOverPledge: Type.Boolean({ description: 'pledges may exceed what remains' }),
    status: enumOf(needStatuses),
    progress: Type.Object(
      { received: count, pledged: count, quantity: count, remaining: count },
      { description: 'pledged counts live pledges, received ones included' },
    ),
    dropPoints: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        name: Type.String(),
        commune: Type.Object({ insee: Type.String(), name: Type.String() }),
        address: Type.String(),
        hours: Type.String({ examples: ['du lundi au vendredi, 9 h – 12 h'] }),
      }),
    ),
    holdReasons: Type.Optional(Type.Array(Type.String(), { description: 'the organisation’s people only' })),
  },
  { $id: 'Need', description: 'A material need of an organisation, with its progress and drop-off points' },
)

export const PledgeJson = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    needId: Type.String({ format: 'uuid' }),
    quantity: Type.Integer(),
    receivedQuantity: nullable(Type.Integer()),
    status: enumOf(pledgeStatuses),
    dropPointId: nullable(Type.String({ format: 'uuid' })),
    organisationId: nullable(Type.String({ format: 'uuid', description: 'pledged on behalf of it' })),
    createdAt: Type.String({ format: 'date-time' }),
    receivedAt: nullable(Type.String({ format: 'date-time' })),
    cancelledAt: nullable(Type.String({ format: 'date-time' })),
    person: Type.Optional(Type.String({ description: 'the organisation’s list only: who pledged' })),
    onBehalf: Type.Optional(nullable(Type.String({ description: 'the organisation’s list only' }))),
  },
  { $id: 'Pledge', description: 'A quantity promised to a need' },
)

export function needJson({ need, organisation, category, dropPoints, remaining, role }: NeedView) {
  return {
    id: need.id,
    organisation: { id: organisation.id, name: organisation.name },
    title: need.title,
    description: need.description,
    quantity: need.quantity,
    unit: need.unit,
    category,
    deadline: need.deadline,
    allowOverPledge: need.allowOverPledge,
    status: need.status,
    progress: { received: need.received, pledged: need.pledged, quantity: need.quantity, remaining },
    dropPoints: dropPoints.map((p) => ({
      id: p.id,
      name: p.name,
      commune: { insee: p.communeInsee, name: p.communeName },
      address: p.address,
      hours: p.hours,
    })),
    ...(role ? { holdReasons: need.holdReasons } : {}),
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)
export const pledgeJson = (p: Pledge) => ({
  id: p.id,
  needId: p.needId,
  quantity: p.quantity,
  receivedQuantity: p.receivedQuantity,
  status: p.status,
  dropPointId: p.dropPointId,
  organisationId: p.organisationId,
  createdAt: p.createdAt.toISOString(),
  receivedAt: iso(p.receivedAt),
  cancelledAt: iso(p.cancelledAt),
})
