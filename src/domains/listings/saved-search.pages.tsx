import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { SavedSearchService } from './saved-search.service.ts'
import { parseSearch } from './search.ts'
import { AlertsPage, UnsubscribePage } from './views/search/AlertPages.tsx'

const text = Type.Optional(Type.String())
const AlertForm = Type.Object({
  words: text,
  kind: text,
  commune: text,
  radiusKm: text,
  urgency: text,
  categories: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 50 })])),
  frequency: text,
})
const Token = Type.Object({ jeton: Type.Optional(Type.String({ maxLength: 200 })) })

/** Alerts from the search page, « Mes alertes », and the one-click unsubscribe of their mails. */
export async function savedSearchPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const saved = new SavedSearchService(services)

  app.post(
    '/compte/alertes',
    { schema: { body: AlertForm }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const { frequency, ...rest } = req.body
      const parsed = parseSearch(rest)
      if ('issues' in parsed) throw new ValidationError(parsed.issues)
      const { cursor: _, sort: __, ...query } = parsed.query
      await saved.create(req.actor, req.territory!, query, frequency ?? '')
      return reply.redirect('/compte/alertes?cree=1', 303)
    },
  )

  app.get(
    '/compte/alertes',
    {
      schema: { querystring: Type.Object({ cree: text, supprimee: text }) },
      config: { permission: 'session', scope: null },
    },
    async (req, reply) => {
      const alerts = await saved.list(req.actor, req.territory!)
      const notice =
        req.query.cree !== undefined ? 'created' : req.query.supprimee !== undefined ? 'deleted' : null
      return sendPage(reply, AlertsPage({ ctx: req.viewContext(), alerts, notice }))
    },
  )

  app.post(
    '/compte/alertes/:id/supprimer',
    {
      schema: { params: Type.Object({ id: Type.String({ maxLength: 100 }) }) },
      config: { permission: 'session', scope: null },
    },
    async (req, reply) => {
      await saved.delete(req.actor, req.territory!, req.params.id)
      return reply.redirect('/compte/alertes?supprimee=1', 303)
    },
  )

  app.get(
    '/alertes/desabonnement',
    { schema: { querystring: Token }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const token = req.query.jeton ?? ''
      const alert = await saved.byToken(req.territory!, token)
      return sendPage(
        reply,
        UnsubscribePage({ ctx: req.viewContext(), token, alert, done: false }),
        alert ? 200 : 404,
      )
    },
  )

  // No CSRF token: mail clients POST here themselves (RFC 8058), and the unguessable token, good
  // for this one alert only, is the whole authority of the request.
  app.post(
    '/alertes/desabonnement',
    { schema: { querystring: Token }, config: { permission: 'public', scope: null, csrf: false } },
    async (req, reply) => {
      const token = req.query.jeton ?? ''
      const done = await saved.unsubscribe(req.territory!, token)
      return sendPage(
        reply,
        UnsubscribePage({ ctx: req.viewContext(), token, alert: null, done }),
        done ? 200 : 404,
      )
    },
  )
}
