import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { communeLabel } from '../../platform/geo/commune.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { formatPhone } from '../../platform/phone-numbers.ts'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { MemberService } from './member.service.ts'
import type { Organisation } from './organisation.repository.ts'
import { OrganisationService } from './organisation.service.ts'
import type { OrganisationInput } from './organisation.ts'
import type { SectionContext } from './sections.ts'
import { MyOrganisationsPage } from './views/MyOrganisationsPage.tsx'
import {
  emptyOrganisationForm,
  OrganisationFormPage,
  type OrganisationFormValues,
} from './views/OrganisationFormPage.tsx'
import { OrganisationPage } from './views/OrganisationPage.tsx'

const field = Type.Optional(Type.String({ maxLength: 10_000 }))
export const OrganisationForm = Type.Object({
  name: field,
  kind: field,
  aidType: field,
  registration: field,
  commune: field,
  description: field,
  contactKind: field,
  contactValue: field,
})
type OrganisationForm = typeof OrganisationForm.static

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const notices = {
  creee: 'organisation.notice.created',
  enregistree: 'organisation.notice.saved',
  avis: 'organisation.notice.notices',
  rejointe: 'organisation.notice.joined',
} as const satisfies Record<string, MessageKey>
const doneQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })
const notice = (req: FastifyRequest) => {
  const key = (req.query as { fait?: string }).fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as keyof typeof notices]) : undefined
}

const valuesOf = (body: OrganisationForm): OrganisationFormValues => ({
  name: body.name ?? '',
  kind: body.kind ?? '',
  aidType: body.aidType ?? '',
  registration: body.registration ?? '',
  commune: body.commune ?? '',
  description: body.description ?? '',
  contactKind: body.contactKind ?? '',
  contactValue: body.contactValue ?? '',
})
const inputOf = (v: OrganisationFormValues): OrganisationInput => v

/** The sections other domains hand in, each made once for the app's services. */
export type SectionRenderers = ((context: SectionContext) => Promise<VNode | null>)[]

/** Creating, changing and showing an organisation; « mes organisations ». */
export async function organisationPages(
  base: FastifyInstance,
  services: AppServices & { sections: SectionRenderers },
) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const organisations = new OrganisationService(services)
  const members = new MemberService(services)

  const formValuesOf = async (req: FastifyRequest, o: Organisation): Promise<OrganisationFormValues> => {
    const commune = await services.communes.find(req.territory!, o.communeInsee)
    return {
      name: o.name,
      kind: o.kind,
      aidType: o.aidType ?? '',
      registration: o.siret ?? o.rna ?? '',
      commune: commune ? communeLabel(commune) : o.communeInsee,
      description: o.description,
      contactKind: o.contactKind,
      contactValue: o.contactKind === 'phone' ? formatPhone(o.contactValue) : o.contactValue,
    }
  }

  app.get(
    '/organisations/nouvelle',
    { config: { permission: 'verified', scope: null } },
    async (req, reply) =>
      sendPage(
        reply,
        OrganisationFormPage({
          ctx: req.viewContext(),
          values: emptyOrganisationForm,
          errors: [],
          communeChoices: [],
        }),
      ),
  )

  app.post(
    '/organisations/nouvelle',
    { schema: { body: OrganisationForm }, config: { permission: 'verified', scope: null } },
    async (req, reply) => {
      const values = valuesOf(req.body)
      const result = await organisations.create(req.actor, req.territory!, inputOf(values), {
        text: values.commune,
      })
      if (result.kind === 'saved')
        return reply.redirect(`/organisations/${result.organisation.id}?fait=creee`, 303)
      const errors = translateIssues(result.issues, req.t)
      return sendPage(
        reply,
        OrganisationFormPage({ ctx: req.viewContext(), values, errors, communeChoices: result.choices }),
        400,
      )
    },
  )

  app.get(
    '/organisations/:id/modifier',
    { schema: { params: idParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const o = await organisations.forEdit(req.actor, req.territory!, req.params.id)
      const editing = { id: o.id, name: o.name }
      const values = await formValuesOf(req, o)
      return sendPage(
        reply,
        OrganisationFormPage({ ctx: req.viewContext(), editing, values, errors: [], communeChoices: [] }),
      )
    },
  )

  app.post(
    '/organisations/:id/modifier',
    { schema: { params: idParams, body: OrganisationForm }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const values = valuesOf(req.body)
      const result = await organisations.edit(req.actor, req.territory!, req.params.id, inputOf(values), {
        text: values.commune,
      })
      if (result.kind === 'saved')
        return reply.redirect(`/organisations/${result.organisation.id}?fait=enregistree`, 303)
      const current = await organisations.forEdit(req.actor, req.territory!, req.params.id)
      const errors = translateIssues(result.issues, req.t)
      const editing = { id: current.id, name: current.name }
      return sendPage(
        reply,
        OrganisationFormPage({
          ctx: req.viewContext(),
          editing,
          values,
          errors,
          communeChoices: result.choices,
        }),
        400,
      )
    },
  )

  app.get(
    '/organisations/:id',
    { schema: { params: idParams, querystring: doneQuery }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const territory = req.territory!
      const { organisation, role } = await organisations.view(req.actor, territory, req.params.id)
      const commune = await services.communes.find(territory, organisation.communeInsee)
      const context: SectionContext = {
        organisation,
        actor: req.actor,
        locale: req.locale,
        manages: role === 'manager',
      }
      const sections = (await Promise.all(services.sections.map((s) => s(context)))).filter(
        (s): s is VNode => s !== null,
      )
      return sendPage(
        reply,
        OrganisationPage({
          ctx: req.viewContext(),
          organisation,
          communeName: commune?.name ?? organisation.communeInsee,
          role,
          sections,
          mapTileUrl: services.config.mapTileUrl ?? null,
          notice: notice(req),
        }),
      )
    },
  )

  app.get(
    '/mes-organisations',
    { schema: { querystring: doneQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const memberships = await organisations.mine(req.actor, req.territory!)
      return sendPage(
        reply,
        MyOrganisationsPage({ ctx: req.viewContext(), memberships, notice: notice(req) }),
      )
    },
  )

  app.post(
    '/organisations/:id/avis',
    {
      schema: {
        params: idParams,
        body: Type.Object({ signupNotices: Type.Optional(Type.String({ maxLength: 100 })) }),
      },
      config: { permission: 'session', scope: null },
    },
    async (req, reply) => {
      await members.setNotices(req.actor, req.territory!, req.params.id, req.body.signupNotices ?? '')
      return reply.redirect('/mes-organisations?fait=avis', 303)
    },
  )
}
