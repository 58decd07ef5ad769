/**
 * What other domains may use of notifications: telling someone something (`notify`), pushing to
 * their devices what has no in-app notification (`queuePush`: a message, an alert), and the signed
 * one-click unsubscribe link their own mails carry.
 */
export {
  type NotificationKind,
  notificationUnsubscribeToken,
  notify,
  readUnsubscribeToken,
} from './notify.ts'
export { type PushInput, queuePush } from './push-queue.ts'
