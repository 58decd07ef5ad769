import { isLocale, type MessageKey, translator } from '../../platform/i18n/i18n.ts'
import { PermanentJobError } from '../../platform/jobs/job-error.ts'
import { PushSender, PushServiceError } from '../../platform/push/push-sender.ts'
import type { AppServices } from '../../platform/services.ts'
import { territoryNames } from '../../platform/tenancy/name-forms.ts'
import {
  accountCard,
  forgetPushSubscription,
  notificationTypes,
  pushSubscriptionById,
  recordPushResult,
} from '../accounts/index.ts'
import { safeTarget } from './notification.ts'
import { kindMessage, notificationKinds } from './notify.ts'
import { PUSH_SEND_JOB, type PushJobPayload, pushTopic } from './push-queue.ts'

/** A phone off for two days gets nothing stale when it comes back: the page says it all anyway. */
const TTL_SECONDS = 2 * 86_400

/** The sentences a push may say: a stored payload naming anything else is not ours to translate. */
const PUSH_SENTENCES = new Set<string>([
  ...Object.keys(notificationKinds).map((kind) => kindMessage(kind as keyof typeof notificationKinds)),
  'notifications.push.message',
  'notifications.push.savedSearch',
])

function readPayload(payload: Record<string, unknown>): PushJobPayload {
  const { subscriptionId, type, message, params, link, group } = payload
  const words = params && typeof params === 'object' ? (params as Record<string, unknown>) : null
  if (
    typeof subscriptionId !== 'string' ||
    !notificationTypes.some((n) => n.type === type) ||
    typeof message !== 'string' ||
    !PUSH_SENTENCES.has(message) ||
    !words ||
    !Object.values(words).every((v) => typeof v === 'string') ||
    typeof link !== 'string' ||
    (group !== undefined && typeof group !== 'string')
  )
    throw new PermanentJobError('malformed push payload')
  return payload as unknown as PushJobPayload
}

/**
 * Sends one notification to one device, as the person wants it now: a device taken off, a type
 * unticked or an account closed since the job was queued means nothing is sent. The push service's
 * 404 or 410 says the subscription is gone for good: its row goes. Any other failure is counted and
 * thrown, so the queue retries with its backoff.
 */
export async function sendPush(
  services: AppServices,
  sender: PushSender,
  raw: Record<string, unknown>,
): Promise<'sent' | 'gone' | 'skipped'> {
  const payload = readPayload(raw)
  const { db } = services.database
  const device = await pushSubscriptionById(db, payload.subscriptionId)
  if (!device || !device.types.includes(payload.type)) return 'skipped'
  const account = await accountCard(db, device.accountId)
  const territory = (await services.territories.list()).find((t) => t.id === device.territoryId)
  if (!account || account.status !== 'active' || !territory) return 'skipped'
  const locale = isLocale(account.locale) ? account.locale : 'fr'
  // The sentence may name the platform ({platformOf}…): its forms come with the translator.
  const names = territoryNames(territory, locale)
  const t = translator(locale, names)
  const message = {
    title: String(names?.platform),
    // one line: a line break typed in a title must not make a second one
    body: t(payload.message as MessageKey, payload.params).replace(/\s+/g, ' '),
    url: safeTarget(payload.link),
    ...(payload.group ? { tag: pushTopic(payload.group) } : {}),
  }
  try {
    const outcome = await sender.send(device, message, {
      ttlSeconds: TTL_SECONDS,
      urgency: 'normal',
      ...(payload.group ? { topic: pushTopic(payload.group) } : {}),
    })
    if (outcome === 'gone') await forgetPushSubscription(db, device.id)
    else await recordPushResult(db, device.id, { sentAt: services.clock.now() })
    return outcome
  } catch (error) {
    if (error instanceof PushServiceError) await recordPushResult(db, device.id, 'failed')
    throw error
  }
}

export function registerPushJobs(services: AppServices): void {
  const keys = services.config.push
  const sender = keys ? new PushSender(keys) : null
  services.worker.register(PUSH_SEND_JOB, async (payload) => {
    // keys removed since the job was queued: nothing can be signed, and nothing is offered any more
    if (sender) await sendPush(services, sender, payload)
  })
}
