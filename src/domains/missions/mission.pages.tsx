import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Commune } from '../../platform/geo/commune.ts'
import { withoutControlCharacters } from '../../platform/http/control-characters.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import {
  MissionForm,
  missionInputFromForm,
  slotsFromForm,
  valuesFromForm,
  valuesOfMission,
} from './mission.form.ts'
import { MissionService } from './mission.service.ts'
import { emptyMissionForm, MissionFormPage, type MissionFormValues } from './views/MissionFormPage.tsx'
import { MissionMessagePage } from './views/MissionMessagePage.tsx'

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const page = { permission: 'verified', scope: null } as const

/** Posting a mission and editing it: the managers of the organisation only (others 404). */
export async function missionPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const missions = new MissionService(services)

  /** The territory's active categories; the one a mission already has stays in its edit form. */
  async function categoryOptions(req: FastifyRequest, keep?: string) {
    const all = await services.categoryCache.list(req.territory!.id, { activeOnly: false })
    return all
      .filter((c) => c.active || c.id === keep)
      .map((c) => ({
        id: c.id,
        name: localised(c.name, req.locale),
        needsVerifiedVolunteer: c.needsVerifiedVolunteer,
      }))
  }

  async function formPage(
    req: FastifyRequest,
    reply: FastifyReply,
    organisation: { id: string; name: string },
    values: MissionFormValues,
    errors: FieldError[],
    choices: Commune[],
    editing?: { id: string; categoryId: string },
  ) {
    const page = MissionFormPage({
      ctx: req.viewContext(),
      organisation,
      ...(editing ? { editing } : {}),
      categories: await categoryOptions(req, editing?.categoryId),
      values,
      errors,
      communeChoices: choices,
    })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  }

  const unverified = (req: FastifyRequest, reply: FastifyReply, organisationId: string) =>
    sendPage(
      reply,
      MissionMessagePage({
        ctx: req.viewContext(),
        title: req.t('mission.unverified.title'),
        text: req.t('mission.unverified.text'),
        back: { href: `/organisations/${organisationId}`, label: req.t('mission.back.organisation') },
      }),
      403,
    )

  /** The form again, less the control characters it was refused for, before the handler runs. */
  const clean = (body: unknown) =>
    Object.fromEntries(
      Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [
        k,
        typeof v === 'string' ? withoutControlCharacters(v) : undefined,
      ]),
    ) as MissionForm
  const refillNew = async (req: FastifyRequest, reply: FastifyReply, errors: FieldError[]) => {
    const { id } = req.params as { id: string }
    const organisation = await missions.managed(req.actor, req.territory!, id)
    return formPage(req, reply, organisation, valuesFromForm(clean(req.body)), errors, [])
  }
  const refillEdit = async (req: FastifyRequest, reply: FastifyReply, errors: FieldError[]) => {
    const { id } = req.params as { id: string }
    const { mission, organisation } = await missions.managedMission(req.actor, req.territory!, id)
    const editing = { id: mission.id, categoryId: mission.categoryId }
    return formPage(req, reply, organisation, valuesFromForm(clean(req.body)), errors, [], editing)
  }

  app.get(
    '/organisations/:id/missions/nouvelle',
    { schema: { params: idParams }, config: page },
    async (req, reply) => {
      const organisation = await missions.managed(req.actor, req.territory!, req.params.id)
      if (organisation.status !== 'verified') return unverified(req, reply, organisation.id)
      return formPage(req, reply, organisation, emptyMissionForm, [], [])
    },
  )

  app.post(
    '/organisations/:id/missions/nouvelle',
    { schema: { params: idParams, body: MissionForm }, config: { ...page, refill: refillNew } },
    async (req, reply) => {
      const territory = req.territory!
      const result = await missions.create(
        req.actor,
        territory,
        req.params.id,
        missionInputFromForm(req.body),
        slotsFromForm(req.body),
        { text: req.body.commune ?? '' },
      )
      if (result.kind === 'unverified') return unverified(req, reply, req.params.id)
      if (result.kind === 'saved') {
        const done = result.mission.status === 'held' ? 'moderation' : 'publiee'
        return reply.redirect(`/missions/${result.mission.id}?fait=${done}`, 303)
      }
      const organisation = await missions.managed(req.actor, territory, req.params.id)
      const errors = translateIssues(result.issues, req.t)
      return formPage(req, reply, organisation, valuesFromForm(req.body), errors, result.choices)
    },
  )

  app.get('/missions/:id/modifier', { schema: { params: idParams }, config: page }, async (req, reply) => {
    const territory = req.territory!
    const { mission, organisation } = await missions.managedMission(req.actor, territory, req.params.id)
    const commune = await services.communes.find(territory, mission.communeInsee)
    const editing = { id: mission.id, categoryId: mission.categoryId }
    return formPage(req, reply, organisation, valuesOfMission(mission, commune), [], [], editing)
  })

  app.post(
    '/missions/:id/modifier',
    { schema: { params: idParams, body: MissionForm }, config: { ...page, refill: refillEdit } },
    async (req, reply) => {
      const territory = req.territory!
      const result = await missions.edit(
        req.actor,
        territory,
        req.params.id,
        missionInputFromForm(req.body),
        {
          text: req.body.commune ?? '',
        },
      )
      if (result.kind === 'saved') {
        const done = result.mission.status === 'held' ? 'moderation' : 'enregistree'
        return reply.redirect(`/missions/${result.mission.id}?fait=${done}`, 303)
      }
      const { mission, organisation } = await missions.managedMission(req.actor, territory, req.params.id)
      const editing = { id: mission.id, categoryId: mission.categoryId }
      const issues = result.kind === 'invalid' ? result.issues : ([] as Issue[])
      const choices = result.kind === 'invalid' ? result.choices : []
      const values = valuesFromForm(req.body)
      return formPage(req, reply, organisation, values, translateIssues(issues, req.t), choices, editing)
    },
  )
}

/** ?fait=… after a redirect: which confirmation to show, from a fixed list (never text from the address). */
export const missionNotices = {
  publiee: 'mission.notice.published',
  moderation: 'mission.notice.held',
  enregistree: 'mission.notice.saved',
  inscrit: 'mission.notice.signedUp',
  retire: 'mission.notice.withdrawn',
  cloturee: 'mission.notice.closed',
  annule: 'mission.notice.slotCancelled',
  ajoute: 'mission.notice.slotAdded',
  presence: 'mission.notice.attendance',
  merci: 'mission.notice.thanked',
  publiee_moderation: 'mission.moderation.published',
  retiree_moderation: 'mission.moderation.rejected',
} as const satisfies Record<string, MessageKey>
export const noticeQuery = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 40 })) })
export function noticeOf(req: FastifyRequest): string | undefined {
  const key = (req.query as { fait?: string }).fait
  return key && Object.hasOwn(missionNotices, key)
    ? req.t(missionNotices[key as keyof typeof missionNotices])
    : undefined
}
