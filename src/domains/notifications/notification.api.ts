import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../platform/services.ts'
import { NotificationService } from './notification.service.ts'
import { NOTIFICATIONS_PAGE_SIZE } from './notification.ts'
import { notificationKinds } from './notify.ts'

const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}
const scopeNote = 'With a token, it needs the listings:read scope.'

const NotificationView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.String({
      description: `one of ${Object.keys(notificationKinds).join(', ')}; newer kinds may appear`,
      examples: ['match.response'],
    }),
    text: Type.String({
      description: 'the sentence in the caller’s language; plain text, to be escaped where shown',
      examples: ['Zoé a répondu à votre annonce « Courses pour ma voisine »'],
    }),
    params: Type.Record(Type.String(), Type.String(), {
      description: 'the words inside the sentence, as typed by people (plain text)',
      examples: [{ name: 'Zoé', title: 'Courses pour ma voisine' }],
    }),
    link: Type.Union([Type.String(), Type.Null()], {
      description: 'a path of this platform the notification leads to',
      examples: ['/mises-en-relation/0b6c1a52-7f0e-4c8e-9d1e-3c1f5a2b9e44'],
    }),
    createdAt: Type.String({ format: 'date-time' }),
    read: Type.Boolean(),
  },
  { $id: 'Notification', description: 'Something that happened for the caller on the platform' },
)

const NotificationList = Type.Object(
  {
    items: Type.Array(Type.Ref('Notification'), {
      description: `newest first, ${NOTIFICATIONS_PAGE_SIZE} at most`,
    }),
    next: Type.Union([Type.String(), Type.Null()], {
      description: 'pass as ?cursor= for the older page; null at the end',
    }),
    unreadCount: Type.Integer({ description: 'unread ones in all, counted up to 100', examples: [3] }),
  },
  { $id: 'NotificationList' },
)

/** The caller's notifications: the same use cases and rules as /notifications. */
export async function notificationApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const notifications = new NotificationService(services)
  app.addSchema(NotificationView)
  app.addSchema(NotificationList)

  const toJson = (n: ReturnType<NotificationService['present']>) => ({
    id: n.id,
    kind: n.kind,
    text: n.text,
    params: n.params,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    read: n.read,
  })

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        operationId: 'listMyNotifications',
        tags: ['notifications'],
        summary: 'My notifications, newest first, with the unread count',
        description: scopeNote,
        querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 300 })) }),
        response: { 200: Type.Ref('NotificationList'), ...problems },
      },
      config: { permission: 'session', scope: 'listings:read' },
    },
    async (req) => {
      const page = await notifications.list(
        req.actor,
        req.territory!,
        req.locale,
        req.query.cursor || undefined,
      )
      return { items: page.items.map(toJson), next: page.next, unreadCount: page.unreadCount }
    },
  )

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        operationId: 'markNotificationRead',
        tags: ['notifications'],
        summary: 'Mark one of my notifications read',
        description: `${scopeNote} Another person’s notification is not found (404).`,
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: Type.Ref('Notification'), ...problems },
      },
      config: { permission: 'session', scope: 'listings:read' },
    },
    async (req) => {
      const row = await notifications.markRead(req.actor, req.territory!, req.params.id)
      return toJson(notifications.present(row, req.locale))
    },
  )

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        operationId: 'markAllNotificationsRead',
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        description: scopeNote,
        response: {
          200: Type.Object({
            marked: Type.Integer({ description: 'how many were unread', examples: [3] }),
            unreadCount: Type.Integer({ examples: [0] }),
          }),
          ...problems,
        },
      },
      config: { permission: 'session', scope: 'listings:read' },
    },
    async (req) => {
      const marked = await notifications.markAllRead(req.actor, req.territory!)
      return { marked, unreadCount: 0 }
    },
  )
}
