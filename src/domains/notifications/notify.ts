import { hmac, sameString } from '../../platform/auth/secrets.ts'
import type { DbOrTx } from '../../platform/db/client.ts'
import { WriteBatch } from '../../platform/db/write-batch.ts'
import { territoryBaseUrl } from '../../platform/http/links.ts'
import { isLocale, type MessageKey, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { territoryNames } from '../../platform/tenancy/name-forms.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountCard, DEFAULT_NOTIFICATIONS, type NotificationType } from '../accounts/index.ts'
import { notifications } from './notification.schema.ts'
import { safeTarget } from './notification.ts'
import { notificationSmsText } from './notify-sms.ts'
import { queuePush } from './push-queue.ts'

/** Each kind of notification and the preference (profile « Être prévenu par courriel ») it follows. */
export const notificationKinds = {
  'match.response': 'matches',
  'match.accepted': 'matches',
  'match.declined': 'matches',
  'match.withdrawn': 'matches',
  'match.cancelled': 'matches',
  'match.doneMarked': 'matches',
  'match.confirmed': 'matches',
  'match.thanked': 'matches',
  'match.inactive': 'matches',
  'match.listingEnded': 'matches',
  'listing.noResponse': 'matches',
  'supply.allocated': 'matches',
  'supply.refused': 'matches',
  'dispatch.proposed': 'matches',
  'dispatch.taken': 'matches',
} as const satisfies Record<string, NotificationType>
export type NotificationKind = keyof typeof notificationKinds

const KIND_MESSAGES = {
  'match.response': 'notifications.kind.match.response',
  'match.accepted': 'notifications.kind.match.accepted',
  'match.declined': 'notifications.kind.match.declined',
  'match.withdrawn': 'notifications.kind.match.withdrawn',
  'match.cancelled': 'notifications.kind.match.cancelled',
  'match.doneMarked': 'notifications.kind.match.doneMarked',
  'match.confirmed': 'notifications.kind.match.confirmed',
  'match.thanked': 'notifications.kind.match.thanked',
  'match.inactive': 'notifications.kind.match.inactive',
  'match.listingEnded': 'notifications.kind.match.listingEnded',
  'listing.noResponse': 'notifications.kind.listing.noResponse',
  'supply.allocated': 'notifications.kind.supply.allocated',
  'supply.refused': 'notifications.kind.supply.refused',
  'dispatch.proposed': 'notifications.kind.dispatch.proposed',
  'dispatch.taken': 'notifications.kind.dispatch.taken',
} as const satisfies Record<NotificationKind, MessageKey>

/** The sentence of a kind, in the catalogue under a literal key (the translation check looks for it). */
export const kindMessage = (kind: NotificationKind): MessageKey => KIND_MESSAGES[kind]

/** A stored row's type is a kind this version knows (rows outlive code). */
export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(notificationKinds, value)
}

export interface NotifyInput {
  territory: Territory
  accountId: string
  kind: NotificationKind
  /** the words of the sentence (a listing's title, a display name), as typed: escaped where shown */
  params: Record<string, string>
  /** a path of the platform, such as /mises-en-relation/<id> */
  link: string
}

/** `<account>.<preference>.<mac>`: one click in the email turns that preference to « jamais ». */
export function notificationUnsubscribeToken(secret: string, accountId: string, type: NotificationType) {
  return `${accountId}.${type}.${hmac(secret, 'notification-unsubscribe', `${accountId}:${type}`)}`
}

export function readUnsubscribeToken(
  secret: string,
  token: string,
): { accountId: string; type: NotificationType } | null {
  const [accountId, type, mac] = token.split('.')
  if (!accountId || !type || !mac || !(type in DEFAULT_NOTIFICATIONS)) return null
  const expected = hmac(secret, 'notification-unsubscribe', `${accountId}:${type}`)
  return sameString(mac, expected) ? { accountId, type: type as NotificationType } : null
}

/**
 * Records an in-app notification, queues a push to each device that takes its type and, as the
 * person's preference says, writes its email now (« tout de suite », and its SMS when they opted
 * in), leaves it for the daily digest, or sends nothing. Everything is written in
 * the caller's transaction: if the change that causes it rolls back, nothing is notified or sent.
 * The notification and its email are one statement; given the caller's `batch`, they join its
 * other writes, sent when the caller runs it.
 */
export async function notify(
  services: AppServices,
  tx: DbOrTx,
  input: NotifyInput,
  batch?: WriteBatch,
): Promise<string | null> {
  const account = await accountCard(tx, input.accountId)
  if (!account || account.status !== 'active') return null
  const type = notificationKinds[input.kind]
  const frequency = account.notifications[type] ?? DEFAULT_NOTIFICATIONS[type]
  const now = services.clock.now()
  const id = services.ids()
  const mailNow = frequency === 'immediate' && account.emailVerifiedAt !== null
  // Only a page of this platform: a link that is not one (a bug upstream) leads to the list instead.
  const link = safeTarget(input.link)
  const writes = batch ?? new WriteBatch()
  writes.add(
    tx.insert(notifications).values({
      id,
      territoryId: input.territory.id,
      accountId: account.id,
      type: input.kind,
      params: input.params,
      link,
      createdAt: now,
      digestPendingAt: frequency === 'daily' ? now : null,
      mailedAt: mailNow ? now : null,
    }),
  )
  // The devices that took this type hear it too, whatever the email preference says.
  await queuePush(services, tx, {
    territory: input.territory,
    accountId: account.id,
    type,
    message: kindMessage(input.kind),
    params: input.params,
    link,
  })
  if (mailNow) {
    const locale = isLocale(account.locale) ? account.locale : 'fr'
    const base = territoryBaseUrl(services.config, input.territory)
    const unsubscribe = `${base}/notifications/desabonnement?jeton=${notificationUnsubscribeToken(services.config.appSecret, account.id, type)}`
    await services.mailer.send({
      tx,
      batch: writes,
      territory: input.territory,
      to: account.email,
      locale,
      template: 'notification',
      data: {
        // The sentence may name the platform ({platformOf}…): its forms come with the translator.
        text: translator(locale, territoryNames(input.territory, locale))(
          kindMessage(input.kind),
          input.params,
        ),
        link: `${base}${link}`,
        unsubscribe,
      },
      // RFC 8058: the mail client offers « se désabonner » and POSTs to the address itself.
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    })
  }
  // By SMS too, to whoever opted in, for what they want to hear of at once; Sms keeps STOP and the cap.
  if (frequency === 'immediate' && account.smsConsentAt !== null && account.phone && services.sms.enabled) {
    const locale = isLocale(account.locale) ? account.locale : 'fr'
    await services.sms.send({
      tx,
      territory: input.territory,
      to: account.phone,
      locale,
      purpose: 'notification',
      text: notificationSmsText({
        sentence: (params) =>
          translator(locale, territoryNames(input.territory, locale))(kindMessage(input.kind), params),
        params: input.params,
        platformName: input.territory.platformName,
        base: territoryBaseUrl(services.config, input.territory),
        link,
      }),
    })
  }
  if (!batch) await writes.run(tx)
  return id
}
