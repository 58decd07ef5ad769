import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { type Issue, ValidationError } from '../../platform/validation.ts'
import {
  BatchBody,
  BatchView,
  batchView,
  CampaignView,
  CapacityBody,
  campaignView,
  LedgerEntryView,
  ledgerEntryView,
  MakerView,
  makerView,
  ProgressView,
  problems,
  progressView,
  str,
} from './campaign.api-schemas.ts'
import { idParams } from './campaign.http.ts'
import { CampaignViews } from './campaign-view.service.ts'
import { LedgerService } from './ledger.service.ts'
import { MakerService } from './maker.service.ts'

const fieldNames: Record<string, string> = { capacity: 'weeklyCapacity', stock: 'stockHeld' }
const invalid = (issues: Issue[]) =>
  new ValidationError(issues.map((i) => ({ ...i, field: fieldNames[i.field] ?? i.field })))

/** The JSON side of supply campaigns: the same use cases, permissions and rules as the pages. */
export async function campaignApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const views = new CampaignViews(services)
  const makers = new MakerService(services)
  const ledger = new LedgerService(services)
  for (const schema of [CampaignView, ProgressView, BatchView, MakerView, LedgerEntryView])
    app.addSchema(schema)
  const tags = ['campaigns']
  const publicRead = { permission: 'public', scope: 'campaigns:read' } as const

  app.get(
    '/api/v1/campaigns',
    {
      schema: {
        operationId: 'listCampaigns',
        tags,
        summary: 'The open supply campaigns of the territory',
        response: { 200: Type.Array(Type.Ref('SupplyCampaign')) },
      },
      config: publicRead,
    },
    async (req) => (await views.openCampaigns(req.territory!)).map((c) => campaignView(c, c.made, false)),
  )

  app.get(
    '/api/v1/campaigns/:id',
    {
      schema: {
        operationId: 'getCampaign',
        tags,
        summary: 'A campaign with its collection and distribution points',
        params: idParams,
        response: { 200: Type.Ref('SupplyCampaign'), 404: problems[404] },
      },
      config: publicRead,
    },
    async (req) => {
      const v = await views.publicView(req.territory!, req.params.id)
      return campaignView(v.campaign, v.made, v.attachment !== null, v.points)
    },
  )

  app.get(
    '/api/v1/campaigns/:id/progress',
    {
      schema: {
        operationId: 'getCampaignProgress',
        tags,
        summary: 'Made, distributed and requests open, per commune (no personal data)',
        params: idParams,
        response: { 200: Type.Ref('SupplyProgress'), 404: problems[404] },
      },
      config: publicRead,
    },
    async (req) => progressView(await views.progress(req.territory!, req.params.id)),
  )

  app.put(
    '/api/v1/campaigns/:id/capacity',
    {
      schema: {
        operationId: 'declareCapacity',
        tags,
        summary: 'Declare or update my weekly capacity and the stock I hold',
        description: 'Give `organisationId` to speak for an association or workshop I manage.',
        params: idParams,
        body: CapacityBody,
        response: { 200: Type.Ref('SupplyMaker'), ...problems },
      },
      config: { permission: 'verified', scope: 'campaigns:write' },
    },
    async (req) => {
      const b = req.body
      const result = await makers.declare(req.actor, req.territory!, req.params.id, {
        organisationId: b.organisationId ?? '',
        capacity: str(b.weeklyCapacity),
        stock: str(b.stockHeld),
      })
      if (result.kind === 'invalid') throw invalid(result.issues)
      return makerView(result.maker)
    },
  )

  app.post(
    '/api/v1/campaigns/:id/batches',
    {
      schema: {
        operationId: 'recordBatch',
        tags,
        summary: 'Record a batch I handed over at a collection point',
        description: 'It stays "declared" until those who run the campaign confirm it on receipt.',
        params: idParams,
        body: BatchBody,
        response: { 201: Type.Ref('SupplyBatch'), ...problems },
      },
      config: { permission: 'verified', scope: 'campaigns:write' },
    },
    async (req, reply) => {
      const b = req.body
      const result = await makers.recordBatch(req.actor, req.territory!, req.params.id, {
        makerId: b.makerId ?? '',
        quantity: str(b.quantity),
        pointId: b.pointId ?? '',
        handedOn: b.handedOn ?? '',
      })
      if (result.kind === 'invalid') throw invalid(result.issues)
      return reply.code(201).send(batchView(result.batch))
    },
  )

  app.get(
    '/api/v1/me/campaign-participations',
    {
      schema: {
        operationId: 'listMyCampaignParticipations',
        tags,
        summary: 'My participations as a maker, with their batches',
        response: { 200: Type.Array(Type.Ref('SupplyMaker')), 401: problems[401], 403: problems[403] },
      },
      config: { permission: 'session', scope: 'campaigns:read' },
    },
    async (req) =>
      (await makers.mine(req.actor, req.territory!)).map((p) =>
        makerView(
          p.maker,
          p.batches.map((b) => b.batch),
        ),
      ),
  )

  app.get(
    '/api/v1/campaigns/:id/ledger',
    {
      schema: {
        operationId: 'getCampaignLedger',
        tags,
        summary: 'The stock ledger, newest first (for those who run the campaign)',
        description: 'A page of 100 entries; `before` gives the entries older than that id.',
        params: idParams,
        querystring: Type.Object({
          point: Type.Optional(Type.String({ maxLength: 100 })),
          before: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: Type.Array(Type.Ref('SupplyLedgerEntry')), ...problems },
      },
      config: { permission: 'session', scope: 'campaigns:read' },
    },
    async (req) => {
      const page = await ledger.page(req.actor, req.territory!, req.params.id, {
        ...(req.query.point ? { pointId: req.query.point } : {}),
        ...(req.query.before ? { before: req.query.before } : {}),
      })
      return page.lines.map(ledgerEntryView)
    },
  )
}
