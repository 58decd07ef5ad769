import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { CalloutService } from './callout.service.ts'
import type { Callout } from './callout.ts'
import { list, many, noticeOf } from './crisis.pages.tsx'
import { CrisisService } from './crisis.service.ts'
import { KIND_LABEL } from './crisis.ts'
import { CalloutFormPage, type CalloutValues } from './views/CalloutFormPage.tsx'
import { CalloutPage } from './views/CalloutPage.tsx'
import { CalloutsPage } from './views/CalloutsPage.tsx'
import { CalloutUnsubscribePage } from './views/CalloutUnsubscribePage.tsx'

const callout = { permission: 'volunteers:callout' as const, scope: null }
const CalloutForm = Type.Object({
  subject: Type.Optional(Type.String({ maxLength: 20_000 })),
  body: Type.Optional(Type.String({ maxLength: 20_000 })),
  categories: many(),
  communes: Type.Optional(Type.String({ maxLength: 20_000 })),
})
const SendForm = Type.Object({ confirmer: Type.Optional(Type.String({ maxLength: 20_000 })) })
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const DoneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })
const Token = Type.Object({ jeton: Type.Optional(Type.String({ maxLength: 300 })) })

const notices = {
  active: 'crisis.notice.started',
  active_campagne: 'crisis.notice.startedWithCampaign',
  active_sans_campagne: 'crisis.notice.campaignFailed',
  compte: 'callout.notice.counted',
  envoye: 'callout.notice.sent',
} as const satisfies Record<string, MessageKey>

/** Mass calls for volunteers (coordinators and administrators), and their one-click unsubscribe. */
export async function calloutPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const callouts = new CalloutService(services)
  const crisis = new CrisisService(services)

  async function formPage(req: FastifyRequest, values: CalloutValues, issues: Issue[]) {
    const categories = await callouts.choices(req.actor, req.territory!, req.locale)
    return CalloutFormPage({
      ctx: req.viewContext(),
      categories,
      values,
      errors: translateIssues(issues, req.t),
      notice: noticeOf(req, notices),
    })
  }

  async function calloutPage(req: FastifyRequest, found: Callout, issues: Issue[] = []) {
    const territory = req.territory!
    const categories = await callouts.choices(req.actor, territory, req.locale)
    return CalloutPage({
      ctx: req.viewContext(),
      callout: found,
      categories: categories
        .filter((c) => found.categoryIds.includes(c.value))
        .map((c) => c.label)
        .join(', '),
      communes: (await callouts.communeText(territory, found.communes)).replace(/\n/g, ', '),
      errors: translateIssues(issues, req.t),
      notice: noticeOf(req, notices),
    })
  }

  app.get('/administration/crise/appels', { config: callout }, async (req, reply) =>
    sendPage(
      reply,
      CalloutsPage({ ctx: req.viewContext(), callouts: await callouts.list(req.actor, req.territory!) }),
    ),
  )

  // During a crisis the form starts from it: its message, its categories.
  app.get(
    '/administration/crise/appels/nouveau',
    { schema: { querystring: DoneQuery }, config: callout },
    async (req, reply) => {
      const current = await crisis.current(req.territory!)
      const values: CalloutValues = current
        ? {
            subject: req.t('callout.prefill.subject', { kind: req.t(KIND_LABEL[current.kind]) }),
            body: `${localised(current.message, req.locale)}\n\n${req.t('callout.prefill.body')}`,
            categoryIds: current.categoryIds,
            communes: '',
          }
        : { subject: '', body: '', categoryIds: [], communes: '' }
      return sendPage(reply, await formPage(req, values, []))
    },
  )

  app.post(
    '/administration/crise/appels',
    { schema: { body: CalloutForm }, config: callout },
    async (req, reply) => {
      const values = {
        subject: req.body.subject ?? '',
        body: req.body.body ?? '',
        categoryIds: list(req.body.categories),
        communes: req.body.communes ?? '',
      }
      const result = await callouts.draft(req.actor, req.territory!, values)
      if (result.kind === 'saved')
        return reply.redirect(`/administration/crise/appels/${result.callout.id}?fait=compte`, 303)
      return sendPage(reply, await formPage(req, values, result.issues), 400)
    },
  )

  app.get(
    '/administration/crise/appels/:id',
    { schema: { params: IdParams, querystring: DoneQuery }, config: callout },
    async (req, reply) =>
      sendPage(reply, await calloutPage(req, await callouts.find(req.actor, req.territory!, req.params.id))),
  )

  app.post(
    '/administration/crise/appels/:id/envoyer',
    { schema: { params: IdParams, body: SendForm }, config: callout },
    async (req, reply) => {
      if (req.body.confirmer !== 'oui') {
        const found = await callouts.find(req.actor, req.territory!, req.params.id)
        const issue: Issue = { field: 'confirmer', key: 'callout.error.confirm' }
        return sendPage(reply, await calloutPage(req, found, found.status === 'draft' ? [issue] : []), 400)
      }
      const sent = await callouts.send(req.actor, req.territory!, req.params.id)
      return reply.redirect(`/administration/crise/appels/${sent.id}?fait=envoye`, 303)
    },
  )

  app.get(
    '/appels-benevoles/desabonnement',
    { schema: { querystring: Token }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const token = req.query.jeton ?? ''
      const valid = (await callouts.unsubscribeTarget(req.territory!, token)) !== null
      const page = CalloutUnsubscribePage({ ctx: req.viewContext(), token, valid, done: false })
      return sendPage(reply, page, valid ? 200 : 404)
    },
  )

  // No CSRF token: mail clients POST here themselves (RFC 8058, body `List-Unsubscribe=One-Click`),
  // and the token, signed for one account of this territory, is the whole authority.
  app.post(
    '/appels-benevoles/desabonnement',
    { schema: { querystring: Token }, config: { permission: 'public', scope: null, csrf: false } },
    async (req, reply) => {
      const token = req.query.jeton ?? ''
      const done = await callouts.unsubscribe(req.territory!, token)
      const page = CalloutUnsubscribePage({ ctx: req.viewContext(), token, valid: done, done })
      return sendPage(reply, page, done ? 200 : 404)
    },
  )
}
