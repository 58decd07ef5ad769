import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { ValidationError } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { NotificationService, typeLabel } from './notification.service.ts'
import { NotificationsPage } from './views/NotificationsPage.tsx'
import { UnsubscribePage } from './views/UnsubscribePage.tsx'

const ListQuery = Type.Object({
  avant: Type.Optional(Type.String({ maxLength: 300 })),
  fait: Type.Optional(Type.String({ maxLength: 40 })),
})
const Token = Type.Object({ jeton: Type.Optional(Type.String({ maxLength: 300 })) })
const idParams = Type.Object({ id: Type.String({ maxLength: 100 }) })

/** The notifications page, « ouvrir » (read, then go), « tout marquer comme lu » and one-click unsubscribe. */
export async function notificationPages(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const notifications = new NotificationService(services)

  app.get(
    '/notifications',
    { schema: { querystring: ListQuery }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const territory = req.territory!
      const { avant, fait } = req.query
      try {
        const list = await notifications.list(req.actor, territory, req.locale, avant || undefined)
        const notice = fait === 'lues' ? req.t('notifications.markedAll') : undefined
        return sendPage(
          reply,
          NotificationsPage({ ctx: req.viewContext(), list, olderPage: !!avant, notice }),
        )
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        // A page link that was cut or tampered with: the newest notifications, and why.
        const list = await notifications.list(req.actor, territory, req.locale)
        const ctx = req.viewContext()
        const problem = req.t('notifications.error.cursor')
        return sendPage(reply, NotificationsPage({ ctx, list, olderPage: false, problem }), 400)
      }
    },
  )

  // Opening marks read, as a mail client does; it changes only what this reader has seen, so a
  // link (GET) is right here. The stored link is followed only if it is a path of this platform.
  app.get(
    '/notifications/:id/ouvrir',
    { schema: { params: idParams }, config: { permission: 'session', scope: null } },
    async (req, reply) => {
      const target = await notifications.open(req.actor, req.territory!, req.params.id)
      return reply.redirect(target, 303)
    },
  )

  app.post(
    '/notifications/tout-lire',
    { config: { permission: 'session', scope: null } },
    async (req, reply) => {
      await notifications.markAllRead(req.actor, req.territory!)
      return reply.redirect('/notifications?fait=lues', 303)
    },
  )

  app.get(
    '/notifications/desabonnement',
    { schema: { querystring: Token }, config: { permission: 'public', scope: null } },
    async (req, reply) => {
      const token = req.query.jeton ?? ''
      const type = await notifications.unsubscribeTarget(token)
      const label = type ? req.t(typeLabel(type)) : null
      return sendPage(
        reply,
        UnsubscribePage({ ctx: req.viewContext(), token, typeLabel: label, done: false }),
        type ? 200 : 404,
      )
    },
  )

  // No CSRF token: mail clients POST here themselves (RFC 8058, body `List-Unsubscribe=One-Click`),
  // and the token, signed for one account and one type of mail, is the whole authority.
  app.post(
    '/notifications/desabonnement',
    { schema: { querystring: Token }, config: { permission: 'public', scope: null, csrf: false } },
    async (req, reply) => {
      const token = req.query.jeton ?? ''
      const type = await notifications.unsubscribe(token)
      const label = type ? req.t(typeLabel(type)) : null
      return sendPage(
        reply,
        UnsubscribePage({ ctx: req.viewContext(), token, typeLabel: label, done: type !== null }),
        type ? 200 : 404,
      )
    },
  )
}
