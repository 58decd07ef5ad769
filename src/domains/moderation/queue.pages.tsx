import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { formBody } from '../accounts/index.ts'
import { ContextService } from './context.service.ts'
import { DecisionService } from './decision.service.ts'
import { QueueService } from './queue.service.ts'
import { decisionKeys, decisions, parseFilter } from './queue.ts'
import { type DecisionValues, emptyDecision } from './views/DecisionForm.tsx'
import { ItemPage, type ReadingView } from './views/ItemPage.tsx'
import { queuePaths } from './views/paths.ts'
import { QueuePage } from './views/QueuePage.tsx'

const review = { permission: 'moderation:review', scope: null } as const
const text = Type.Optional(Type.String({ maxLength: 200 }))
const QueueQuery = Type.Object({ cause: text, kind: text, sort: text, page: text, fait: text })
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const DoneQuery = Type.Object({ fait: text })
const DecisionForm = formBody('decision', 'reason', 'dismissal', 'explanation', 'days', 'version')
const ReadingForm = formBody('readingReason', 'readingNote')
const noReading: ReadingView = { values: { readingReason: '', readingNote: '' }, errors: [], read: null }

/** ?fait=<decision> after the redirect: the confirmation names the decision, from the fixed list only. */
function notice(req: FastifyRequest): string | undefined {
  const done = (req.query as { fait?: string } | undefined)?.fait
  const decision = decisions.find((d) => d === done)
  return decision ? req.t('queue.notice.decided', { decision: req.t(decisionKeys[decision]) }) : undefined
}

/** The queue, an item with its context (claimed as it opens), the audited reading, and decisions. */
export async function queuePages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const queue = new QueueService(services)
  const contexts = new ContextService(services)
  const decider = new DecisionService(services)

  app.get(queuePaths.queue, { schema: { querystring: QueueQuery }, config: review }, async (req, reply) => {
    const { filter, issues } = parseFilter(req.query)
    const values = { cause: req.query.cause ?? '', kind: req.query.kind ?? '', sort: req.query.sort ?? '' }
    const errors = translateIssues(issues, req.t)
    const view = errors.length > 0 ? null : await queue.list(req.actor, req.territory!, filter)
    const page = QueuePage({
      ctx: req.viewContext(),
      view,
      filter,
      values,
      errors,
      now: services.clock.now(),
      notice: notice(req),
    })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  })

  const itemPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: {
      reading?: ReadingView
      decision?: { values: DecisionValues; errors: ReturnType<typeof translateIssues> }
      refusal?: string
      status?: number
    } = {},
  ) => {
    const opened = await queue.open(req.actor, req.territory!, id)
    const context = await contexts.of(req.actor, req.territory!, opened.item)
    const page = ItemPage({
      ctx: req.viewContext(),
      opened,
      context,
      reading: opened.item.subjectKind === 'message' ? (extra.reading ?? noReading) : null,
      decision: extra.decision ?? { values: emptyDecision, errors: [] },
      refusal: extra.refusal,
      notice: notice(req),
      now: services.clock.now(),
    })
    return sendPage(reply, page, extra.status ?? 200)
  }

  app.get(
    `${queuePaths.queue}/:id`,
    { schema: { params: IdParams, querystring: DoneQuery }, config: review },
    (req, reply) => itemPage(req, reply, req.params.id),
  )

  app.post(
    `${queuePaths.queue}/:id/lecture`,
    { schema: { params: IdParams, body: ReadingForm }, config: review },
    async (req, reply) => {
      const values = { readingReason: req.body.readingReason ?? '', readingNote: req.body.readingNote ?? '' }
      const result = await contexts.readMessage(req.actor, req.territory!, req.params.id, values)
      if (result.kind === 'invalid')
        return itemPage(req, reply, req.params.id, {
          reading: { values, errors: translateIssues(result.issues, req.t), read: null },
          status: 400,
        })
      return itemPage(req, reply, req.params.id, {
        reading: { values, errors: [], read: { messages: result.messages, parties: result.parties } },
      })
    },
  )

  app.post(
    `${queuePaths.queue}/:id/decision`,
    { schema: { params: IdParams, body: DecisionForm }, config: review },
    async (req, reply) => {
      const values: DecisionValues = {
        decision: req.body.decision ?? '',
        reason: req.body.reason ?? '',
        dismissal: req.body.dismissal ?? '',
        explanation: req.body.explanation ?? '',
        days: req.body.days ?? '',
      }
      const result = await decider.decide(req.actor, req.territory!, req.params.id, req.body)
      if (result.kind === 'decided') return reply.redirect(`${queuePaths.queue}?fait=${result.decision}`, 303)
      if (result.kind === 'invalid')
        return itemPage(req, reply, req.params.id, {
          decision: { values, errors: translateIssues(result.issues, req.t) },
          status: 400,
        })
      return itemPage(req, reply, req.params.id, {
        decision: { values, errors: [] },
        refusal: req.t(result.key, result.params),
        status: 409,
      })
    },
  )
}
