import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { communeLabel } from '../../platform/geo/commune.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import { ownValue } from '../../platform/own-value.ts'
import { formatPhone } from '../../platform/phone-numbers.ts'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import type { HelplineInput, HelpPoint, HelpPointInput } from './help-point.ts'
import { HelplineService } from './helpline.service.ts'
import { HELP_POINTS_PATH, HELPLINE_PATH, HelplineAdminPage } from './views/HelplineAdminPage.tsx'
import { HelpPointFormPage } from './views/HelpPointFormPage.tsx'
import { HelpPointsAdminPage } from './views/HelpPointsAdminPage.tsx'

const configure = { permission: 'helpline:configure' as const, scope: null }
const text = Type.Optional(Type.String({ maxLength: 20_000 }))
/** Loose on purpose: the use case checks the rules, so bad input comes back as a form with its errors. */
const HelplineForm = Type.Object({ phone: text, hoursFr: text, hoursEn: text })
const HelpPointForm = Type.Object({
  kind: text,
  name: text,
  address: text,
  commune: text,
  hours: text,
  phone: text,
})
const Params = Type.Object({ id: Type.String({ maxLength: 100 }) })
const Done = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 20 })) })

const HELPLINE_DONE: Record<string, MessageKey> = {
  enregistree: 'helpline.saved',
  effacee: 'helpline.cleared',
}
const POINT_DONE: Record<string, MessageKey> = {
  ajout: 'helpPoint.done.added',
  modification: 'helpPoint.done.edited',
  retrait: 'helpPoint.done.removed',
  ordre: 'helpPoint.done.moved',
}
const MOVES = [
  ['monter', 'up'],
  ['descendre', 'down'],
] as const

const helplineInput = (b: Static<typeof HelplineForm>): HelplineInput => ({
  phone: b.phone ?? '',
  hoursFr: b.hoursFr ?? '',
  hoursEn: b.hoursEn ?? '',
})
const pointInput = (b: Static<typeof HelpPointForm>): HelpPointInput => ({
  kind: b.kind ?? '',
  name: b.name ?? '',
  address: b.address ?? '',
  commune: b.commune ?? '',
  hours: b.hours ?? '',
  phone: b.phone ?? '',
})

/** The administration of the territory's phone line and help points; every change is a POST that redirects. */
export async function helplinePages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const helpline = new HelplineService(services)

  const valuesOfPoint = async (p: HelpPoint): Promise<HelpPointInput> => {
    const commune = await services.communes.findAnywhere(p.communeInsee)
    return {
      kind: p.kind,
      name: p.name,
      address: p.address,
      commune: commune ? communeLabel(commune) : p.communeInsee,
      hours: p.hours,
      phone: p.phone ? formatPhone(p.phone) : '',
    }
  }

  app.get(HELPLINE_PATH, { schema: { querystring: Done }, config: configure }, async (req, reply) => {
    const points = await helpline.manageList(req.actor, req.territory!)
    // Read through tenancy, which every save empties: the form shows what is saved.
    const territory = req.territory!
    const values: HelplineInput = {
      phone: territory.helplinePhone ? formatPhone(territory.helplinePhone) : '',
      hoursFr: territory.helplineHours?.fr ?? '',
      hoursEn: territory.helplineHours?.en ?? '',
    }
    const done = ownValue(HELPLINE_DONE, req.query.fait)
    return sendPage(
      reply,
      HelplineAdminPage({
        ctx: req.viewContext(),
        values,
        errors: [],
        helpPoints: points.length,
        notice: done && req.t(done),
      }),
    )
  })

  app.post(HELPLINE_PATH, { schema: { body: HelplineForm }, config: configure }, async (req, reply) => {
    const values = helplineInput(req.body)
    const saved = await helpline.saveHelpline(req.actor, req.territory!, values)
    if (saved.kind === 'saved') {
      // Saved without a number means cleared: hours alone are refused.
      const cleared = values.phone.trim() === ''
      return reply.redirect(`${HELPLINE_PATH}?fait=${cleared ? 'effacee' : 'enregistree'}`, 303)
    }
    const points = await helpline.manageList(req.actor, req.territory!)
    const errors = translateIssues(saved.issues, req.t)
    return sendPage(
      reply,
      HelplineAdminPage({ ctx: req.viewContext(), values, errors, helpPoints: points.length }),
      400,
    )
  })

  const listPage = async (req: FastifyRequest, fait: string | undefined) => {
    const points = await helpline.manageList(req.actor, req.territory!)
    const named = await Promise.all(
      points.map(async (p) => ({
        ...p,
        communeName: (await services.communes.findAnywhere(p.communeInsee))?.name ?? p.communeInsee,
      })),
    )
    const done = ownValue(POINT_DONE, fait)
    return HelpPointsAdminPage({ ctx: req.viewContext(), points: named, notice: done && req.t(done) })
  }

  app.get(HELP_POINTS_PATH, { schema: { querystring: Done }, config: configure }, async (req, reply) =>
    sendPage(reply, await listPage(req, req.query.fait)),
  )

  app.get(`${HELP_POINTS_PATH}/nouveau`, { config: configure }, async (req, reply) => {
    await helpline.manageList(req.actor, req.territory!)
    const values = pointInput({})
    return sendPage(reply, HelpPointFormPage({ ctx: req.viewContext(), values, errors: [], choices: [] }))
  })

  app.post(HELP_POINTS_PATH, { schema: { body: HelpPointForm }, config: configure }, async (req, reply) => {
    const values = pointInput(req.body)
    const saved = await helpline.addHelpPoint(req.actor, req.territory!, values)
    if (saved.kind === 'saved') return reply.redirect(`${HELP_POINTS_PATH}?fait=ajout`, 303)
    const errors = translateIssues(saved.issues, req.t)
    const page = HelpPointFormPage({ ctx: req.viewContext(), values, errors, choices: saved.choices })
    return sendPage(reply, page, 400)
  })

  app.get(
    `${HELP_POINTS_PATH}/:id`,
    { schema: { params: Params }, config: configure },
    async (req, reply) => {
      const point = await helpline.manageFind(req.actor, req.territory!, req.params.id)
      const page = HelpPointFormPage({
        ctx: req.viewContext(),
        editing: { id: point.id, name: point.name },
        values: await valuesOfPoint(point),
        errors: [],
        choices: [],
      })
      return sendPage(reply, page)
    },
  )

  app.post(
    `${HELP_POINTS_PATH}/:id`,
    { schema: { params: Params, body: HelpPointForm }, config: configure },
    async (req, reply) => {
      const values = pointInput(req.body)
      const saved = await helpline.editHelpPoint(req.actor, req.territory!, req.params.id, values)
      if (saved.kind === 'saved') return reply.redirect(`${HELP_POINTS_PATH}?fait=modification`, 303)
      const point = await helpline.manageFind(req.actor, req.territory!, req.params.id)
      const page = HelpPointFormPage({
        ctx: req.viewContext(),
        editing: { id: point.id, name: point.name },
        values,
        errors: translateIssues(saved.issues, req.t),
        choices: saved.choices,
      })
      return sendPage(reply, page, 400)
    },
  )

  for (const [path, direction] of MOVES) {
    app.post(
      `${HELP_POINTS_PATH}/:id/${path}`,
      { schema: { params: Params }, config: configure },
      async (req, reply) => {
        await helpline.moveHelpPoint(req.actor, req.territory!, req.params.id, direction)
        return reply.redirect(`${HELP_POINTS_PATH}?fait=ordre`, 303)
      },
    )
  }

  app.post(
    `${HELP_POINTS_PATH}/:id/retirer`,
    { schema: { params: Params }, config: configure },
    async (req, reply) => {
      await helpline.removeHelpPoint(req.actor, req.territory!, req.params.id)
      return reply.redirect(`${HELP_POINTS_PATH}?fait=retrait`, 303)
    },
  )
}
