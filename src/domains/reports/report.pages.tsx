import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { PAGE_CURSOR, ReportService } from './report.service.ts'
import { ReportDonePage, ReportFormPage } from './views/ReportFormPage.tsx'
import { REPORTS_PATH, ReportsAdminPage } from './views/ReportsAdminPage.tsx'

const targetQuery = Type.Object({
  cible: Type.String({ maxLength: 20 }),
  id: Type.String({ maxLength: 100 }),
})
const ReportForm = Type.Object({
  cible: Type.String({ maxLength: 20 }),
  id: Type.String({ maxLength: 100 }),
  reason: Type.Optional(Type.String({ maxLength: 40 })),
  // Longer than allowed is refused with a message by the service, not cut by the schema.
  comment: Type.Optional(Type.String({ maxLength: 20_000 })),
})
const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })
const doneQuery = Type.Object({ etat: Type.Optional(Type.String({ maxLength: 20 })) })
const listQuery = Type.Object({
  fait: Type.Optional(Type.String({ maxLength: 20 })),
  apres: Type.Optional(Type.String({ pattern: PAGE_CURSOR })),
})

/** ?fait=… after a decision: which confirmation to show, from a fixed list. */
const notices = { traite: 'report.notice.handled', 'sans-suite': 'report.notice.dismissed' } as const
const notice = (req: FastifyRequest) => {
  const key = (req.query as { fait?: string }).fait
  return key && Object.hasOwn(notices, key) ? req.t(notices[key as keyof typeof notices]) : undefined
}

/** The report form for residents and the list of open reports for moderators. */
export async function reportPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const reports = new ReportService(services)

  // A signed-in person, verified or not: anyone who can see something wrong may say so.
  app.get(
    '/signaler',
    { schema: { querystring: targetQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const ctx = req.viewContext()
      const target = await reports.target(req.actor, req.territory!, req.query.cible, req.query.id)
      if (await reports.alreadyReported(req.actor, target))
        return sendPage(reply, ReportDonePage({ ctx, state: 'already' }))
      return sendPage(reply, ReportFormPage({ ctx, target, values: { reason: '', comment: '' }, errors: [] }))
    },
  )

  app.post(
    '/signaler',
    { schema: { body: ReportForm }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const territory = req.territory!
      const { cible, id, reason = '', comment = '' } = req.body
      const result = await reports.submit(req.actor, territory, cible, id, { reason, comment })
      if (result.kind === 'already') return reply.redirect('/signaler/merci?etat=deja', 303)
      if (result.kind === 'created')
        return reply.redirect(`/signaler/merci${result.reason === 'danger' ? '?etat=danger' : ''}`, 303)
      const target = await reports.target(req.actor, territory, cible, id)
      const errors = translateIssues(result.issues, req.t)
      return sendPage(
        reply,
        ReportFormPage({ ctx: req.viewContext(), target, values: { reason, comment }, errors }),
        400,
      )
    },
  )

  app.get(
    '/signaler/merci',
    { schema: { querystring: doneQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const { etat } = req.query
      const state = etat === 'deja' ? 'already' : etat === 'danger' ? 'danger' : 'sent'
      return sendPage(reply, ReportDonePage({ ctx: req.viewContext(), state }))
    },
  )

  app.get(
    REPORTS_PATH,
    { schema: { querystring: listQuery }, config: { permission: 'report:review', scope: null } },
    async (req, reply) => {
      const open = await reports.open(req.actor, req.territory!, req.query.apres)
      return sendPage(
        reply,
        ReportsAdminPage({
          ctx: req.viewContext(),
          reports: open.reports,
          next: open.next,
          notice: notice(req),
        }),
      )
    },
  )

  for (const [path, status] of [
    ['traite', 'handled'],
    ['sans-suite', 'dismissed'],
  ] as const) {
    app.post(
      `${REPORTS_PATH}/:id/${path}`,
      { schema: { params: idParams }, config: { permission: 'report:review', scope: null } },
      async (req, reply) => {
        await reports.close(req.actor, req.territory!, req.params.id, status)
        return reply.redirect(`${REPORTS_PATH}?fait=${path}`, 303)
      },
    )
  }
}
