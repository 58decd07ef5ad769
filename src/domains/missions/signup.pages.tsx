import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../platform/auth/actor.ts'
import { attachment, toCsv } from '../../platform/http/csv.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { translateIssues } from '../../platform/validation.ts'
import type { FieldError } from '../../platform/views/ErrorSummary.tsx'
import { sendPage } from '../../platform/views/render.ts'
import { rowFromForm, SlotForm } from './mission.form.ts'
import { noticeOf, noticeQuery } from './mission.pages.tsx'
import { MissionService } from './mission.service.ts'
import type { SignupResult } from './signup.service.ts'
import { SignupService } from './signup.service.ts'
import { slotLabel } from './slot-label.ts'
import { MissionMessagePage } from './views/MissionMessagePage.tsx'
import { MissionPage } from './views/MissionPage.tsx'
import { MyMissionsPage } from './views/MyMissionsPage.tsx'
import { RosterPage } from './views/RosterPage.tsx'

const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const childParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  child: Type.String({ maxLength: 100 }),
})
const SignupForm = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 10_000 })),
  creneau: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 100 }),
      Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100 }),
    ]),
  ),
})
const signupReasons = {
  'none-chosen': 'mission.signup.noneChosen',
  'unknown-slot': 'mission.signup.unknownSlot',
  closed: 'mission.signup.closed',
  'needs-verified': 'mission.signup.needsVerified',
  already: 'mission.signup.already',
  full: 'mission.signup.full',
} as const
const session = { permission: 'session', scope: null } as const
const verified = { permission: 'verified', scope: null } as const

/** The public mission page and signing up; « mes missions »; the organisation's roster and its actions. */
export async function signupPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const missions = new MissionService(services)
  const signups = new SignupService(services)

  async function missionPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { errors?: FieldError[]; checked?: string[] } = {},
  ) {
    const territory = req.territory!
    const data = await missions.page(req.actor, territory, id)
    const [categories, commune] = await Promise.all([
      services.categoryCache.list(territory.id, { activeOnly: false }),
      services.communes.find(territory, data.mission.communeInsee),
    ])
    const category = categories.find((c) => c.id === data.mission.categoryId)
    const viewer = !req.actor ? 'visitor' : can(req.actor, 'verified') ? 'ready' : 'unconfirmed'
    const page = MissionPage({
      ctx: req.viewContext(),
      data,
      category: category ? localised(category.name, req.locale) : '',
      commune: commune?.name ?? data.mission.communeInsee,
      now: services.clock.now(),
      viewer,
      notice: noticeOf(req),
      ...extra,
    })
    return sendPage(reply, page, (extra.errors?.length ?? 0) > 0 ? 409 : 200)
  }

  app.get(
    '/missions/:id',
    { schema: { params: idParams, querystring: noticeQuery }, config: { permission: 'public', scope: null } },
    (req, reply) => missionPage(req, reply, req.params.id),
  )

  app.post(
    '/missions/:id/inscription',
    { schema: { params: idParams, body: SignupForm }, config: verified },
    async (req, reply) => {
      const chosen = [req.body.creneau ?? []].flat()
      const result = await signups.signUp(req.actor, req.territory!, req.params.id, chosen)
      if (result.kind === 'signed-up') return reply.redirect(`/missions/${req.params.id}?fait=inscrit`, 303)
      const message = refusal(req, result)
      return missionPage(req, reply, req.params.id, {
        errors: [{ field: 'creneau', message }],
        checked: result.reason === 'full' ? [] : chosen,
      })
    },
  )

  /** Why a sign-up was refused, naming the slots concerned. */
  function refusal(req: FastifyRequest, result: Extract<SignupResult, { kind: 'refused' }>) {
    const slots = result.slots.map((s) => slotLabel(s, req.t, req.locale)).join(' ; ')
    return req.t(signupReasons[result.reason], { slots })
  }

  app.get('/mes-missions', { schema: { querystring: noticeQuery }, config: session }, async (req, reply) => {
    const items = await signups.mine(req.actor, req.territory!)
    const ctx = req.viewContext()
    return sendPage(reply, MyMissionsPage({ ctx, items, now: services.clock.now(), notice: noticeOf(req) }))
  })

  app.post(
    '/mes-missions/:id/retirer',
    { schema: { params: idParams }, config: session },
    async (req, reply) => {
      const result = await signups.withdraw(req.actor, req.territory!, req.params.id)
      if (result.kind === 'withdrawn') return reply.redirect('/mes-missions?fait=retire', 303)
      const tooLate = result.kind === 'too-late'
      return sendPage(
        reply,
        MissionMessagePage({
          ctx: req.viewContext(),
          title: req.t(tooLate ? 'mission.withdraw.tooLateTitle' : 'mission.withdraw.notSignedUp'),
          text: tooLate
            ? req.t('mission.withdraw.tooLate', { hours: result.mission.withdrawHoursBefore })
            : req.t('mission.withdraw.notSignedUpText'),
          back: { href: `/missions/${result.mission.id}`, label: req.t('mission.back.mission') },
        }),
        409,
      )
    },
  )

  async function rosterPage(req: FastifyRequest, reply: FastifyReply, id: string, errors: FieldError[] = []) {
    const data = await signups.roster(req.actor, req.territory!, id)
    const body = (req.body ?? {}) as Record<string, string | undefined>
    const ctx = req.viewContext()
    const row = errors.length > 0 ? rowFromForm(body, 1) : undefined
    const page = RosterPage({ ctx, data, notice: noticeOf(req), errors, ...(row ? { row } : {}) })
    return sendPage(reply, page, errors.length > 0 ? 400 : 200)
  }

  app.get(
    '/missions/:id/inscrits',
    { schema: { params: idParams, querystring: noticeQuery }, config: session },
    (req, reply) => rosterPage(req, reply, req.params.id),
  )

  app.get(
    '/missions/:id/inscrits.csv',
    { schema: { params: idParams }, config: session },
    async (req, reply) => {
      const { mission, slots } = await signups.roster(req.actor, req.territory!, req.params.id)
      const t = req.t
      const rows = slots.flatMap(({ slot, people }) =>
        people.map((p) => [
          slotLabel(slot, t, req.locale),
          slot.cancelledAt ? t('mission.roster.slotCancelled') : '',
          p.displayName,
          t(
            {
              'signed-up': 'mission.roster.signedUp',
              withdrawn: 'mission.roster.withdrawn',
              attended: 'mission.roster.attended',
              absent: 'mission.roster.absent',
            }[p.status] as 'mission.roster.signedUp',
          ),
        ]),
      )
      const header = [
        t('mission.csv.slot'),
        t('mission.csv.cancelled'),
        t('mission.roster.name'),
        t('mission.roster.status'),
      ]
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`inscrits-${mission.id.slice(0, 8)}.csv`))
        .send(toCsv(header, rows))
    },
  )

  app.post(
    '/missions/:id/creneaux',
    { schema: { params: idParams, body: SlotForm }, config: verified },
    async (req, reply) => {
      const row = rowFromForm(req.body as Record<string, string | undefined>, 1)
      const result = await missions.addSlot(req.actor, req.territory!, req.params.id, row)
      if (result.kind === 'saved')
        return reply.redirect(`/missions/${req.params.id}/inscrits?fait=ajoute`, 303)
      return rosterPage(req, reply, req.params.id, translateIssues(result.issues, req.t))
    },
  )

  app.post(
    '/missions/:id/creneaux/:child/annuler',
    { schema: { params: childParams }, config: verified },
    async (req, reply) => {
      await missions.cancelSlot(req.actor, req.territory!, req.params.id, req.params.child)
      return reply.redirect(`/missions/${req.params.id}/inscrits?fait=annule`, 303)
    },
  )

  app.post(
    '/missions/:id/cloturer',
    { schema: { params: idParams }, config: verified },
    async (req, reply) => {
      await missions.close(req.actor, req.territory!, req.params.id)
      return reply.redirect(`/missions/${req.params.id}?fait=cloturee`, 303)
    },
  )

  for (const [path, status] of [
    ['present', 'attended'],
    ['absent', 'absent'],
  ] as const) {
    app.post(
      `/missions/:id/inscrits/:child/${path}`,
      { schema: { params: childParams }, config: verified },
      async (req, reply) => {
        const done = await signups.attendance(
          req.actor,
          req.territory!,
          req.params.id,
          req.params.child,
          status,
        )
        if (done) return reply.redirect(`/missions/${req.params.id}/inscrits?fait=presence`, 303)
        return rosterPage(req, reply, req.params.id, [
          { field: 'creneau', message: req.t('mission.attendance.notYet') },
        ])
      },
    )
  }

  app.post(
    '/missions/:id/inscrits/:child/remercier',
    { schema: { params: childParams }, config: verified },
    async (req, reply) => {
      await signups.thank(req.actor, req.territory!, req.params.id, req.params.child)
      return reply.redirect(`/missions/${req.params.id}/inscrits?fait=merci`, 303)
    },
  )
}
