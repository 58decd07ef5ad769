import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { attachment, toCsv } from '../../platform/http/csv.ts'
import { formatDateTime } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { CorrectionForm, idParams, LossForm, notice, texts } from './campaign.http.ts'
import { LedgerService } from './ledger.service.ts'
import { emptyLedgerValues, LedgerPage, type LedgerValues } from './views/LedgerPage.tsx'
import { MOVEMENT_LABEL } from './views/labels.ts'

const ledgerQuery = Type.Object({
  point: Type.Optional(Type.String({ maxLength: 100 })),
  avant: Type.Optional(Type.String({ maxLength: 100 })),
  fait: Type.Optional(Type.String({ maxLength: 40 })),
})

/** The ledger's page, its two hand-written movements (loss, correction) and its CSV export. */
export async function ledgerPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const ledger = new LedgerService(services)
  const verified = { permission: 'verified', scope: null } as const
  const path = '/collectes/:id/gestion/registre'

  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Partial<LedgerValues>,
    issues: Issue[],
  ) => {
    const { id } = req.params as { id: string }
    const q = (req.query ?? {}) as { point?: string; avant?: string }
    const view = await ledger.page(req.actor, req.territory!, id, {
      ...(q.point ? { pointId: q.point } : {}),
      ...(q.avant ? { before: q.avant } : {}),
    })
    const errors = translateIssues(issues, req.t)
    return sendPage(
      reply,
      LedgerPage({
        ctx: req.viewContext(),
        view,
        values: { ...emptyLedgerValues, ...values },
        errors,
        notice: notice(req),
      }),
      errors.length > 0 ? 400 : 200,
    )
  }

  app.get(path, { schema: { params: idParams, querystring: ledgerQuery }, config: verified }, (req, reply) =>
    page(req, reply, {}, []),
  )

  app.post(
    `${path}/perte`,
    { schema: { params: idParams, body: LossForm }, config: verified },
    async (req, reply) => {
      const values = texts(req.body, ['lossPointId', 'lossQuantity', 'lossReason'] as const)
      const result = await ledger.recordLoss(req.actor, req.territory!, req.params.id, {
        pointId: values.lossPointId,
        quantity: values.lossQuantity,
        reason: values.lossReason,
      })
      if (result.kind === 'saved')
        return reply.redirect(`/collectes/${req.params.id}/gestion/registre?fait=perte`, 303)
      return page(req, reply, values, result.issues)
    },
  )

  app.post(
    `${path}/correction`,
    { schema: { params: idParams, body: CorrectionForm }, config: verified },
    async (req, reply) => {
      const values = texts(req.body, ['correctsId', 'correctionQuantity', 'correctionReason'] as const)
      const result = await ledger.recordCorrection(req.actor, req.territory!, req.params.id, {
        correctsId: values.correctsId,
        quantity: values.correctionQuantity,
        reason: values.correctionReason,
      })
      if (result.kind === 'saved')
        return reply.redirect(`/collectes/${req.params.id}/gestion/registre?fait=correction`, 303)
      return page(req, reply, values, result.issues)
    },
  )

  app.get(
    '/collectes/:id/gestion/registre.csv',
    { schema: { params: idParams }, config: verified },
    async (req, reply) => {
      const { campaign, points, lines } = await ledger.all(req.actor, req.territory!, req.params.id)
      const t = req.t
      const pointName = new Map(points.map((p) => [p.id, p.name]))
      const csv = toCsv(
        [
          t('supply.ledger.number'),
          t('supply.ledger.date'),
          t('supply.point.name'),
          t('supply.ledger.movement'),
          t('supply.stock.onHand'),
          t('supply.stock.reserved'),
          t('supply.ledger.correctsColumn'),
          t('supply.ledger.who'),
          t('supply.ledger.reason'),
        ],
        lines.map((l) => [
          l.id,
          formatDateTime(l.recordedAt, req.locale),
          pointName.get(l.pointId) ?? '',
          t(MOVEMENT_LABEL[l.movement]),
          l.onHandDelta,
          l.reservedDelta,
          l.correctsId,
          l.who,
          l.reason,
        ]),
      )
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`registre-${campaign.title}.csv`))
        .header('cache-control', 'private, no-store')
        .send(csv)
    },
  )
}
