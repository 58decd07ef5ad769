import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { formBody } from '../accounts/index.ts'

// What the campaigns' pages share: their parameters, form bodies and the confirmations after a redirect.

export const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
export const pointParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  pointId: Type.String({ maxLength: 100 }),
})
export const batchParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  batchId: Type.String({ maxLength: 100 }),
})

export const CampaignForm = formBody(
  'item',
  'title',
  'specification',
  'target',
  'unit',
  'startsOn',
  'endsOn',
  'organisationId',
  'status',
)
export const PointForm = formBody('name', 'role', 'commune', 'address', 'hours')
export const CapacityForm = formBody('organisationId', 'capacity', 'stock')
export const BatchForm = formBody('makerId', 'quantity', 'pointId', 'handedOn')
export const ReceivedForm = formBody('received')
export const RefusalForm = formBody('reason')
export const LossForm = formBody('lossPointId', 'lossQuantity', 'lossReason')
export const CorrectionForm = formBody('correctsId', 'correctionQuantity', 'correctionReason')

/** Every field of a form body as text, absent ones empty: nothing else in the body is read. */
export function texts<K extends string>(
  body: Partial<Record<K | '_csrf', string | undefined>>,
  keys: readonly K[],
): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, body[k] ?? ''])) as Record<K, string>
}

/** ?fait=… after a redirect: which confirmation to show, from a fixed list (never text from the address). */
const notices = {
  ouverte: 'supply.notice.created',
  enregistre: 'supply.notice.saved',
  ouvert: 'supply.notice.opened',
  close: 'supply.notice.closed',
  accueil: 'supply.notice.highlighted',
  accueil_retire: 'supply.notice.unhighlighted',
  point: 'supply.notice.pointSaved',
  fichier: 'supply.notice.fileSaved',
  fichier_retire: 'supply.notice.fileRemoved',
  confirme: 'supply.notice.batchConfirmed',
  refuse: 'supply.notice.batchRefused',
  deja: 'supply.notice.alreadyDecided',
  capacite: 'supply.notice.capacitySaved',
  lot: 'supply.notice.batchRecorded',
  perte: 'supply.notice.lossRecorded',
  correction: 'supply.notice.correctionRecorded',
} as const satisfies Record<string, MessageKey>
export type NoticeName = keyof typeof notices
export const doneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })

export function notice(req: FastifyRequest): string | undefined {
  const key = (req.query as { fait?: string } | undefined)?.fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as NoticeName]) : undefined
}
