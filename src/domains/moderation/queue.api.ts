import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { HttpError } from '../../platform/http/problem.ts'
import { reviewCauses, reviewSubjects } from '../../platform/review/review.schema.ts'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { ContextService } from './context.service.ts'
import { DecisionService } from './decision.service.ts'
import type { ReviewItemRow } from './queue.repository.ts'
import { type OpenedItem, QueueService } from './queue.service.ts'
import { decisions, dismissReasons, parseFilter, readingReasons, sorts } from './queue.ts'
import { clockTime } from './views/paths.ts'

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}
// Staff powers are never carried by a personal access token (platform/auth/policy.ts): these routes
// answer the moderator's own signed-in session, with its second factor, and a CSRF header on POST.
const read = { permission: 'moderation:review', scope: null } as const
const note =
  'For moderators and administrators, from their signed-in session with the second factor (a token never carries staff powers); POST needs the x-csrf-token header.'
const text = (max: number) => Type.Optional(Type.String({ maxLength: max }))
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) })

const ReviewItem = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    subjectKind: Type.String({ description: `one of ${reviewSubjects.join(', ')}` }),
    subjectId: Type.String({ format: 'uuid' }),
    cause: Type.String({ description: `one of ${reviewCauses.join(', ')}` }),
    priority: Type.Integer({ minimum: 0, maximum: 3 }),
    reportCount: Type.Integer(),
    label: Type.String({
      description: 'a listing’s title or an organisation’s name; never a message’s text',
    }),
    details: Type.Array(Type.String(), {
      description: 'codes: the free-help rule’s reasons, the reports’ reasons',
    }),
    status: Type.String({ description: 'open, decided or withdrawn' }),
    version: Type.Integer({
      description: 'send it back with a decision; a decision on another version is refused (409)',
    }),
    heldBy: Type.Union([Type.String(), Type.Null()], {
      description: 'the moderator holding it now, by name',
    }),
    decision: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'ReviewItem', description: 'An item of the territory’s moderation queue' },
)
const ReviewItemDetail = Type.Object(
  {
    item: Type.Ref('ReviewItem'),
    decisions: Type.Array(Type.String(), { description: 'what the caller may decide now' }),
    person: Type.Union([
      Type.Object({
        displayName: Type.String(),
        commune: Type.String(),
        memberSince: Type.String({ format: 'date-time' }),
        openListings: Type.Integer(),
        sanctions: Type.Array(
          Type.Object({
            kind: Type.String(),
            reason: Type.String(),
            decidedAt: Type.String({ format: 'date-time' }),
          }),
        ),
      }),
      Type.Null(),
    ]),
  },
  { $id: 'ReviewItemDetail' },
)

function itemJson(item: ReviewItemRow, heldBy: string | null) {
  return {
    id: item.id,
    subjectKind: item.subjectKind,
    subjectId: item.subjectId,
    cause: item.cause,
    priority: item.priority,
    reportCount: item.reportCount,
    label: item.label,
    details: item.details,
    status: item.status,
    version: item.version,
    heldBy,
    decision: item.decision,
    createdAt: item.createdAt.toISOString(),
  }
}
const heldBy = (o: OpenedItem) => (o.claim ? o.claim.holderName : null)

/** The queue for programs: the same services and rules as the pages. */
export async function queueApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const queue = new QueueService(services)
  const contexts = new ContextService(services)
  const decider = new DecisionService(services)
  app.addSchema(ReviewItem)
  app.addSchema(ReviewItemDetail)

  app.get(
    '/api/v1/moderation/items',
    {
      schema: {
        operationId: 'listReviewItems',
        tags: ['moderation'],
        summary: 'The open items of the moderation queue, most serious first or newest first',
        description: note,
        querystring: Type.Object({
          cause: text(100),
          kind: text(100),
          sort: Type.Optional(Type.String({ maxLength: 100, description: `one of ${sorts.join(', ')}` })),
          page: text(100),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('ReviewItem')),
            counts: Type.Record(Type.String(), Type.Integer(), { description: 'open items per cause' }),
            hasNext: Type.Boolean(),
          }),
          ...problems,
        },
      },
      config: read,
    },
    async (req) => {
      const { filter, issues } = parseFilter(req.query)
      if (issues.length > 0) throw new ValidationError(issues)
      const view = await queue.list(req.actor, req.territory!, filter)
      return {
        items: view.rows.map((r) => itemJson(r.item, r.holderName)),
        counts: Object.fromEntries(view.counts),
        hasNext: view.hasNext,
      }
    },
  )

  app.get(
    '/api/v1/moderation/items/:id',
    {
      schema: {
        operationId: 'getReviewItem',
        tags: ['moderation'],
        summary: 'One item with the person it concerns; a message’s text only through POST …/reading',
        description: note,
        params: IdParams,
        response: { 200: Type.Ref('ReviewItemDetail'), ...problems },
      },
      config: read,
    },
    async (req) => {
      const opened = await queue.peek(req.actor, req.territory!, req.params.id)
      const context = await contexts.of(req.actor, req.territory!, opened.item)
      const p = context.person
      return {
        item: itemJson(opened.item, heldBy(opened)),
        decisions: opened.decisions,
        person: p
          ? {
              displayName: p.displayName,
              commune: p.communeName,
              memberSince: p.memberSince.toISOString(),
              openListings: p.openListings,
              sanctions: p.sanctions.map((s) => ({
                kind: s.kind,
                reason: s.reason,
                decidedAt: s.decidedAt.toISOString(),
              })),
            }
          : null,
      }
    },
  )

  app.post(
    '/api/v1/moderation/items/:id/claim',
    {
      schema: {
        operationId: 'claimReviewItem',
        tags: ['moderation'],
        summary:
          'Take the item for 15 minutes, or renew one’s own lease; 409 while another moderator holds it',
        description: note,
        params: IdParams,
        response: { 200: Type.Ref('ReviewItem'), 409: Type.Ref('Problem'), ...problems },
      },
      config: read,
    },
    async (req) => {
      const opened = await queue.open(req.actor, req.territory!, req.params.id)
      if (opened.item.status !== 'open') throw new HttpError(409, req.t('queue.item.notOpen'))
      if (!opened.claim?.mine)
        throw new HttpError(
          409,
          req.t('queue.item.claim.other', {
            name: opened.claim?.holderName ?? '',
            since: clockTime(opened.claim?.since ?? new Date(), req.locale),
          }),
        )
      return itemJson(opened.item, heldBy(opened))
    },
  )

  app.post(
    '/api/v1/moderation/items/:id/reading',
    {
      schema: {
        operationId: 'readReportedMessage',
        tags: ['moderation'],
        summary: 'A reported message and the three before and after it, once a reason is given (audited)',
        description: `${note} readingReason: one of ${readingReasons.join(', ')}.`,
        params: IdParams,
        body: Type.Object({ readingReason: text(100), readingNote: text(1000) }),
        response: {
          200: Type.Object({
            parties: Type.Array(Type.String()),
            messages: Type.Array(
              Type.Object({
                id: Type.String({ format: 'uuid' }),
                sender: Type.String(),
                body: Type.String(),
                createdAt: Type.String({ format: 'date-time' }),
                hidden: Type.Boolean(),
                reported: Type.Boolean(),
              }),
            ),
          }),
          ...problems,
        },
      },
      config: read,
    },
    async (req) => {
      const result = await contexts.readMessage(req.actor, req.territory!, req.params.id, req.body)
      if (result.kind === 'invalid') throw new ValidationError(result.issues)
      return {
        parties: result.parties,
        messages: result.messages.map((m) => ({
          id: m.id,
          sender: m.senderName,
          body: m.body,
          createdAt: m.createdAt.toISOString(),
          hidden: m.hidden,
          reported: m.reported,
        })),
      }
    },
  )

  app.post(
    '/api/v1/moderation/items/:id/decision',
    {
      schema: {
        operationId: 'decideReviewItem',
        tags: ['moderation'],
        summary: 'Decide the item, with the version read; 409 when it was decided or changed since',
        description: `${note} decision: one of ${decisions.join(', ')}; dismissal (dismiss): ${dismissReasons.join(', ')}; days (suspend): 1, 3, 7 or 30.`,
        params: IdParams,
        body: Type.Object({
          decision: text(100),
          reason: text(100),
          dismissal: text(100),
          explanation: text(10_000),
          days: text(100),
          version: text(100),
        }),
        response: { 200: Type.Ref('ReviewItem'), 409: Type.Ref('Problem'), ...problems },
      },
      config: read,
    },
    async (req) => {
      const result = await decider.decide(req.actor, req.territory!, req.params.id, req.body)
      if (result.kind === 'invalid') throw new ValidationError(result.issues)
      if (result.kind === 'refused') throw new HttpError(409, req.t(result.key, result.params))
      return itemJson(result.item, null)
    },
  )
}
