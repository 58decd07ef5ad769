import { territoryBaseUrl } from '../../platform/http/links.ts'
import { isLocale, translator } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import { territoryNames } from '../../platform/tenancy/name-forms.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import {
  accountCard,
  DEFAULT_NOTIFICATIONS,
  type NotificationType,
  notificationTypes,
} from '../accounts/index.ts'
import {
  claimPendingDigest,
  clearPendingDigest,
  digestsDue,
  type NotificationRow,
} from './notification.repository.ts'
import { sentenceOf } from './notification.service.ts'
import { isNotificationKind, notificationKinds, notificationUnsubscribeToken } from './notify.ts'

export const NOTIFICATION_DIGEST_JOB = 'notifications.digest'
const HOUR_S = 3600
const DAY_MS = 86_400_000
/** Lines in one mail; the rest is counted (« et 12 autres ») and waits on the page. */
const DIGEST_LINES_MAX = 20

/**
 * The daily digest runs every hour and mails each person whose OLDEST waiting notification is at
 * least 24 hours old, with everything waiting for them. So nobody gets more than one digest a
 * day, nothing waits more than about 25 hours, and a run that failed is caught up by the next
 * one without any clock arithmetic in Europe/Paris.
 */
export async function sendNotificationDigests(services: AppServices): Promise<number> {
  const now = services.clock.now()
  const territories = new Map((await services.territories.list()).map((t) => [t.id, t]))
  const due = await digestsDue(services.database.db, new Date(now.getTime() - DAY_MS))
  let sent = 0
  let failed = 0
  for (const owner of due) {
    const territory = territories.get(owner.territoryId)
    if (!territory) continue
    try {
      if (await sendDigest(services, territory, owner.accountId)) sent += 1
    } catch {
      // That person's notifications stay waiting; the others still go, and the job is retried.
      failed += 1
    }
  }
  if (failed > 0) throw new Error(`${failed} notification digest(s) could not be written`)
  return sent
}

const typeOf = (row: NotificationRow): NotificationType =>
  isNotificationKind(row.type) ? notificationKinds[row.type] : 'matches'

/**
 * One person's digest, in one transaction: the waiting rows are locked, the mail written and the
 * rows cleared together, so a crash sends nothing (and loses nothing), and a second run finds
 * nothing to send. Rows whose type the person turned to « jamais » meanwhile are cleared unsent.
 */
async function sendDigest(services: AppServices, territory: Territory, accountId: string): Promise<boolean> {
  const now = services.clock.now()
  return services.database.db.transaction(async (tx) => {
    const rows = await claimPendingDigest(tx, { territoryId: territory.id, accountId })
    if (rows.length === 0) return false
    const account = await accountCard(tx, accountId)
    const mailable = account?.status === 'active' && account.emailVerifiedAt !== null
    const wanted = (row: NotificationRow) => {
      const type = typeOf(row)
      return mailable && (account.notifications[type] ?? DEFAULT_NOTIFICATIONS[type]) !== 'none'
    }
    const kept = rows.filter(wanted)
    await clearPendingDigest(
      tx,
      rows.filter((r) => !wanted(r)).map((r) => r.id),
      null,
    )
    if (!account || kept.length === 0) return false

    const locale = isLocale(account.locale) ? account.locale : 'fr'
    const t = translator(locale, territoryNames(territory, locale))
    const base = territoryBaseUrl(services.config, territory)
    // One unsubscribe link per mail: the first type in it, in the profile's order (today every
    // kind is a « mise en relation »).
    const type = notificationTypes.map((n) => n.type).find((ty) => kept.some((r) => typeOf(r) === ty))!
    const unsubscribe = `${base}/notifications/desabonnement?jeton=${notificationUnsubscribeToken(services.config.appSecret, account.id, type)}`
    const newest = kept.slice(-DIGEST_LINES_MAX).reverse()
    await services.mailer.send({
      tx,
      territory,
      to: account.email,
      locale,
      template: 'notification-digest',
      data: {
        // One line each: a line break typed in a title must not split a sentence in two.
        items: newest.map((row) => sentenceOf(row, t).replace(/\s+/g, ' ')).join('\n'),
        ...(kept.length > newest.length ? { more: String(kept.length - newest.length) } : {}),
        link: `${base}/notifications`,
        unsubscribe,
      },
      // RFC 8058, as on every notification mail.
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    })
    await clearPendingDigest(
      tx,
      kept.map((r) => r.id),
      now,
    )
    return true
  })
}

export function registerNotificationJobs(services: AppServices): void {
  services.worker.register(NOTIFICATION_DIGEST_JOB, async () => {
    await sendNotificationDigests(services)
  })
}

/** Called once per process start; the hourly schedule is shared by all processes. */
export async function scheduleNotificationJobs(services: AppServices): Promise<void> {
  await services.jobs.scheduleRecurring(NOTIFICATION_DIGEST_JOB, HOUR_S)
}
