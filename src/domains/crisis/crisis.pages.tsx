import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { accountCards } from '../accounts/index.ts'
import { CrisisService, type CrisisSlots } from './crisis.service.ts'
import { CrisisPage, emptySwitch, type SwitchValues } from './views/CrisisPage.tsx'
import { TemplatePage, type TemplateValues } from './views/TemplatePage.tsx'

const manage = { permission: 'crisis:manage' as const, scope: null }
const text = (max = 20_000) => Type.Optional(Type.String({ maxLength: max }))
export const many = () =>
  Type.Optional(
    Type.Union([
      Type.String({ maxLength: 200 }),
      Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }),
    ]),
  )
export const list = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat())

const StartForm = Type.Object({ kind: text(200), reason: text(), campagne: text(20), appel: text(20) })
const EndForm = Type.Object({ endReason: text() })
const TemplateForm = Type.Object({ categories: many(), homeMessage: text(), guidance: text() })
const KindParams = Type.Object({ kind: Type.String({ maxLength: 100 }) })

/** ?fait=… after a redirect: which confirmation to show, from a fixed list. */
const notices = {
  active: 'crisis.notice.started',
  active_campagne: 'crisis.notice.startedWithCampaign',
  active_sans_campagne: 'crisis.notice.campaignFailed',
  terminee: 'crisis.notice.ended',
  modele: 'crisis.notice.templateSaved',
} as const satisfies Record<string, MessageKey>
const DoneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })
export function noticeOf<T extends Record<string, MessageKey>>(req: FastifyRequest, table: T) {
  const key = (req.query as { fait?: string }).fait
  return key && Object.hasOwn(table, key) ? req.t(table[key as keyof T]!) : undefined
}

/** The administrator's crisis switch, its templates and the history, under /administration/crise. */
export function crisisPages(slots: CrisisSlots) {
  return async function crisisPagesWith(base: FastifyInstance, services: AppServices) {
    const app = base.withTypeProvider<TypeBoxTypeProvider>()
    const crisis = new CrisisService(services, slots)

    async function overview(req: FastifyRequest, values: SwitchValues, issues: Issue[]) {
      const territory = req.territory!
      const view = await crisis.overview(req.actor, territory)
      const categories = await services.categoryCache.list(territory.id, { activeOnly: false })
      const people = [view.current, ...view.history].flatMap((p) => (p ? [p.startedBy, p.endedBy] : []))
      const cards = await accountCards(
        services.database.db,
        people.filter((id): id is string => id !== null),
      )
      const errors = translateIssues(issues, req.t)
      return {
        page: CrisisPage({
          ctx: req.viewContext(),
          ...view,
          categoryNames: new Map(categories.map((c) => [c.id, localised(c.name, req.locale)])),
          names: new Map([...cards].map(([id, c]) => [id, c.displayName])),
          values,
          errors,
          notice: noticeOf(req, notices),
          campaigns: slots.launchCallCampaign !== undefined,
        }),
        status: errors.length > 0 ? 400 : 200,
      }
    }

    app.get(
      '/administration/crise',
      { schema: { querystring: DoneQuery }, config: manage },
      async (req, reply) => {
        const { page } = await overview(req, emptySwitch, [])
        return sendPage(reply, page)
      },
    )

    app.post(
      '/administration/crise/activer',
      { schema: { body: StartForm }, config: manage },
      async (req, reply) => {
        const values = {
          ...emptySwitch,
          kind: req.body.kind ?? '',
          reason: req.body.reason ?? '',
          campaign: req.body.campagne === 'oui',
          callout: req.body.appel === 'oui',
        }
        const result = await crisis.start(req.actor, req.territory!, {
          kind: values.kind,
          reason: values.reason,
          launchCampaign: values.campaign,
        })
        if (result.kind === 'started') {
          const done =
            result.campaign === 'launched'
              ? 'active_campagne'
              : result.campaign === 'failed'
                ? 'active_sans_campagne'
                : 'active'
          const to = values.callout ? '/administration/crise/appels/nouveau' : '/administration/crise'
          return reply.redirect(`${to}?fait=${done}`, 303)
        }
        const { page, status } = await overview(req, values, result.kind === 'invalid' ? result.issues : [])
        return sendPage(reply, page, status)
      },
    )

    app.post(
      '/administration/crise/desactiver',
      { schema: { body: EndForm }, config: manage },
      async (req, reply) => {
        const values = { ...emptySwitch, endReason: req.body.endReason ?? '' }
        const result = await crisis.end(req.actor, req.territory!, { reason: values.endReason })
        if (result.kind === 'ended')
          return reply.redirect('/administration/crise?fait=terminee#historique', 303)
        const { page, status } = await overview(req, values, result.kind === 'invalid' ? result.issues : [])
        return sendPage(reply, page, status)
      },
    )

    async function templatePage(
      req: FastifyRequest,
      kind: string,
      values: TemplateValues | null,
      issues: Issue[],
    ) {
      const template = await crisis.templates.find(req.actor, req.territory!, kind)
      const categories = await services.categoryCache.list(req.territory!.id, { activeOnly: false })
      return TemplatePage({
        ctx: req.viewContext(),
        kind: template.kind,
        categories: categories.map((c) => ({ value: c.slug, label: localised(c.name, req.locale) })),
        values: values ?? {
          categorySlugs: template.categorySlugs,
          homeMessage: template.homeMessage.fr,
          guidance: template.guidance.fr,
        },
        errors: translateIssues(issues, req.t),
      })
    }

    app.get(
      '/administration/crise/modeles/:kind',
      { schema: { params: KindParams }, config: manage },
      async (req, reply) => sendPage(reply, await templatePage(req, req.params.kind, null, [])),
    )

    app.post(
      '/administration/crise/modeles/:kind',
      { schema: { params: KindParams, body: TemplateForm }, config: manage },
      async (req, reply) => {
        const values = {
          categorySlugs: list(req.body.categories),
          homeMessage: req.body.homeMessage ?? '',
          guidance: req.body.guidance ?? '',
        }
        const result = await crisis.templates.save(req.actor, req.territory!, req.params.kind, values)
        if (result.kind === 'saved') return reply.redirect('/administration/crise?fait=modele#modeles', 303)
        return sendPage(reply, await templatePage(req, req.params.kind, values, result.issues), 400)
      },
    )
  }
}
