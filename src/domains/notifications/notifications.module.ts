import type { KeysOf } from '../../platform/i18n/define.ts'
import type { DomainModule } from '../../platform/modules.ts'
import { notificationApi } from './notification.api.ts'
import { registerNotificationJobs, scheduleNotificationJobs } from './notification.jobs.ts'
import { notificationMails } from './notification.mails.ts'
import { notificationMessages } from './notification.messages.ts'
import { notificationPages } from './notification.pages.tsx'
import * as notificationSchema from './notification.schema.ts'
import { registerPushJobs } from './push.jobs.ts'
import { unreadCount } from './unread.plugin.ts'

const messages = [notificationMessages] as const
const mails = { ...notificationMails }

/** What notifications brings to the app; src/app.ts assembles every module. */
export const notificationsModule: DomainModule = {
  name: 'notifications',
  // the header's count of unread notifications, on every page a signed-in browser asks for
  requestPlugins: [unreadCount],
  routes: [notificationPages, notificationApi],
  jobs: (services) => {
    registerNotificationJobs(services)
    registerPushJobs(services)
  },
  schedule: async (services) => {
    await scheduleNotificationJobs(services)
  },
  messages: [...messages],
  mails,
  schema: { ...notificationSchema },
}

type NotificationsMessageKeys = KeysOf<typeof messages>
type NotificationsMails = typeof mails

// The module's text keys and mail names, for the type checker (see MessageCatalogue).
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends NotificationsMessageKeys {}
}
declare module '../../platform/mail/templates.tsx' {
  interface MailTemplateRegistry extends NotificationsMails {}
}
