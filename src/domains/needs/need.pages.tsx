import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from '../../platform/http/problem.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { Layout } from '../../platform/views/Layout.tsx'
import { sendPage } from '../../platform/views/render.ts'
import {
  DropPointForm,
  dropPointsFromForm,
  dropValues,
  NeedForm,
  needInputFromForm,
  typedDropPoint,
  valuesFromForm,
  valuesOfNeed,
} from './need.form.ts'
import { NeedService } from './need.service.ts'
import { NeedModeration } from './need-moderation.ts'
import { PledgeService } from './pledge.service.ts'
import { HeldNeedsPage } from './views/HeldNeedsPage.tsx'
import { emptyDropPoint, emptyNeedForm, NeedFormPage, type NeedFormValues } from './views/NeedFormPage.tsx'
import { NeedPage } from './views/NeedPage.tsx'

export const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const pointParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  pointId: Type.String({ maxLength: 100 }),
})

/** ?fait=… after a redirect: which confirmation to show, from a fixed list (never text from the address). */
const notices = {
  publie: 'needs.notice.posted',
  retenu: 'needs.notice.held',
  enregistre: 'needs.notice.saved',
  clos: 'needs.notice.closed',
  point_ajoute: 'needs.notice.dropAdded',
  point_retire: 'needs.notice.dropRemoved',
  dernier_point: 'needs.notice.dropLast',
  promis: 'needs.pledge.done',
  annulee: 'needs.pledge.cancelled',
  recu: 'needs.pledges.done',
  publie_moderation: 'needs.moderation.published',
  retire: 'needs.moderation.rejected',
} as const satisfies Record<string, MessageKey>
export const doneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })
export function notice(req: FastifyRequest): string | undefined {
  const key = (req.query as { fait?: string }).fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as keyof typeof notices]) : undefined
}

/** The need's public page, with the pledge form as the viewer may use it. */
export async function needPage(
  req: FastifyRequest,
  reply: FastifyReply,
  services: AppServices,
  form: { values?: { quantity: string; dropPointId: string; organisationId: string }; issues?: Issue[] } = {},
) {
  const view = await new NeedService(services).view(
    req.actor,
    req.territory!,
    (req.params as { id: string }).id,
    req.locale,
  )
  const actor = req.actor
  const viewer = !actor ? 'visitor' : actor.verified ? 'verified' : 'unverified'
  const onBehalfChoices = await new PledgeService(services).onBehalfChoices(actor, req.territory!)
  const errors = translateIssues(form.issues ?? [], req.t)
  return sendPage(
    reply,
    NeedPage({
      ctx: req.viewContext(),
      view,
      viewer,
      onBehalfChoices,
      values: form.values ?? { quantity: '', dropPointId: '', organisationId: '' },
      errors,
      notice: notice(req),
    }),
    errors.length > 0 ? 400 : 200,
  )
}

/** Posting and managing a material need (the organisation's managers), and its public page. */
export async function needPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const needs = new NeedService(services)

  async function categories(req: FastifyRequest, keep?: string | null) {
    const all = await services.categoryCache.list(req.territory!.id, { activeOnly: false })
    return all
      .filter((c) => c.active || c.id === keep)
      .map((c) => ({ id: c.id, name: localised(c.name, req.locale) }))
  }

  /** An organisation not verified yet is told why it cannot post, rather than a bare « forbidden ». */
  async function unlessUnverified<T>(req: FastifyRequest, reply: FastifyReply, run: () => Promise<T>) {
    try {
      return await run()
    } catch (error) {
      if (!(error instanceof HttpError && error.detail === 'organisation-unverified')) throw error
      const title = req.t('needs.unverified.title')
      const page = (
        <Layout ctx={req.viewContext()} title={title}>
          <h1>{title}</h1>
          <p>{req.t('needs.unverified.body')}</p>
        </Layout>
      )
      sendPage(reply, page, 403)
      return null
    }
  }

  async function editPage(
    req: FastifyRequest,
    id: string,
    values: NeedFormValues | null,
    issues: Issue[],
    add = emptyDropPoint,
  ) {
    const need = await needs.manageable(req.actor, req.territory!, id)
    const view = await needs.present(req.territory!, need, 'manager', req.locale)
    return NeedFormPage({
      ctx: req.viewContext(),
      organisation: view.organisation,
      categories: await categories(req, need.categoryId),
      values: values ?? valuesOfNeed(need),
      errors: translateIssues(issues, req.t),
      editing: { id: need.id, dropPoints: view.dropPoints, addValues: add },
      notice: notice(req),
    })
  }

  const newPath = '/organisations/:id/besoins/nouveau'
  app.get(
    newPath,
    { schema: { params: idParams }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const managed = await unlessUnverified(req, reply, () =>
        needs.managed(req.actor, req.territory!, req.params.id),
      )
      if (!managed) return reply
      const form = NeedFormPage({
        ctx: req.viewContext(),
        organisation: managed.org,
        categories: await categories(req),
        values: emptyNeedForm,
        errors: [],
      })
      return sendPage(reply, form)
    },
  )

  app.post(
    newPath,
    { schema: { params: idParams, body: NeedForm }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const territory = req.territory!
      const result = await unlessUnverified(req, reply, () =>
        needs.create(
          req.actor,
          territory,
          req.params.id,
          needInputFromForm(req.body),
          dropPointsFromForm(req.body),
        ),
      )
      if (!result) return reply
      if (result.kind === 'saved')
        return reply.redirect(
          `/besoins/${result.need.id}?fait=${result.need.status === 'held' ? 'retenu' : 'publie'}`,
          303,
        )
      const { org } = await needs.managed(req.actor, territory, req.params.id)
      const form = NeedFormPage({
        ctx: req.viewContext(),
        organisation: org,
        categories: await categories(req),
        values: valuesFromForm(req.body),
        errors: translateIssues(result.issues, req.t),
      })
      return sendPage(reply, form, 400)
    },
  )

  app.get(
    '/besoins/:id',
    { schema: { params: idParams, querystring: doneQuery }, config: { permission: 'public', scope: null } },
    (req, reply) => needPage(req, reply, services),
  )

  app.get(
    '/besoins/:id/modifier',
    { schema: { params: idParams, querystring: doneQuery }, config: { permission: 'verified', scope: null } },
    async (req, reply) => sendPage(reply, await editPage(req, req.params.id, null, [])),
  )

  app.post(
    '/besoins/:id/modifier',
    { schema: { params: idParams, body: NeedForm }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const result = await needs.edit(req.actor, req.territory!, req.params.id, needInputFromForm(req.body))
      if (result.kind === 'saved') return reply.redirect(`/besoins/${result.need.id}?fait=enregistre`, 303)
      return sendPage(reply, await editPage(req, req.params.id, valuesFromForm(req.body), result.issues), 400)
    },
  )

  app.post(
    '/besoins/:id/points-de-depot',
    { schema: { params: idParams, body: DropPointForm }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const typed = dropValues(req.body, 1)
      const result = await needs.addDropPoint(req.actor, req.territory!, req.params.id, typedDropPoint(typed))
      if (result.kind === 'saved')
        return reply.redirect(`/besoins/${req.params.id}/modifier?fait=point_ajoute`, 303)
      return sendPage(reply, await editPage(req, req.params.id, null, result.issues, typed), 400)
    },
  )

  app.post(
    '/besoins/:id/points-de-depot/:pointId/retirer',
    { schema: { params: pointParams }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      try {
        await needs.removeDropPoint(req.actor, req.territory!, req.params.id, req.params.pointId)
      } catch (error) {
        if (!(error instanceof HttpError && error.detail === 'last-drop-point')) throw error
        return reply.redirect(`/besoins/${req.params.id}/modifier?fait=dernier_point`, 303)
      }
      return reply.redirect(`/besoins/${req.params.id}/modifier?fait=point_retire`, 303)
    },
  )

  const held = '/administration/besoins-retenus'
  const moderation = new NeedModeration(services)
  app.get(
    held,
    { schema: { querystring: doneQuery }, config: { permission: 'listing:moderate', scope: null } },
    async (req, reply) => {
      const rows = await moderation.held(req.actor, req.territory!)
      return sendPage(reply, HeldNeedsPage({ ctx: req.viewContext(), needs: rows, notice: notice(req) }))
    },
  )
  for (const [path, done, run] of [
    ['publier', 'publie_moderation', moderation.publish],
    ['retirer', 'retire', moderation.reject],
  ] as const) {
    app.post(
      `${held}/:id/${path}`,
      { schema: { params: idParams }, config: { permission: 'listing:moderate', scope: null } },
      async (req, reply) => {
        await run.call(moderation, req.actor, req.territory!, req.params.id)
        return reply.redirect(`${held}?fait=${done}`, 303)
      },
    )
  }

  app.post(
    '/besoins/:id/clore',
    { schema: { params: idParams }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const need = await needs.close(req.actor, req.territory!, req.params.id)
      return reply.redirect(`/besoins/${need.id}?fait=clos`, 303)
    },
  )
}
