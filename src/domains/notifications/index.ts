/**
 * What other domains may use of notifications: telling someone something (`notify`), and the
 * signed one-click unsubscribe link their own mails carry.
 */
export {
  type NotificationKind,
  notificationUnsubscribeToken,
  notify,
  readUnsubscribeToken,
} from './notify.ts'
