import { createHash } from 'node:crypto'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { MessageKey } from '../../platform/i18n/i18n.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { type NotificationType, pushSubscriptionsFor } from '../accounts/index.ts'
import { safeTarget } from './notification.ts'

export const PUSH_SEND_JOB = 'push.send'
/** A push service down for hours is retried with the queue's backoff; past that, the news is stale. */
export const PUSH_MAX_ATTEMPTS = 6

export interface PushInput {
  territory: Territory
  accountId: string
  /** the preference type: only the devices that ticked it receive it */
  type: NotificationType
  /** the sentence, as the in-app notification says it (the job writes it in the person's language) */
  message: MessageKey
  /** its words, no more than the in-app notification shows: never an email or a phone number */
  params: Record<string, string>
  /** a path of the platform */
  link: string
  /** one per conversation, so a newer message replaces an older one on the phone and at the push service */
  group?: string
}

/** The job payload: the device and the words; keys and endpoint stay in the device's row. */
export interface PushJobPayload {
  subscriptionId: string
  type: NotificationType
  message: string
  params: Record<string, string>
  link: string
  group?: string
}

/** A Topic header is 32 base64url characters at most, and must not reveal the conversation's id. */
export const pushTopic = (group: string) =>
  createHash('sha256').update(group).digest('base64url').slice(0, 32)

/**
 * One `push.send` job per device of the person that takes this type, written in the caller's
 * transaction: if the change that causes it rolls back, nothing is pushed. Without VAPID keys,
 * nothing at all.
 */
export async function queuePush(services: AppServices, tx: DbOrTx, input: PushInput): Promise<number> {
  if (!services.config.push) return 0
  const devices = await pushSubscriptionsFor(
    tx,
    { territoryId: input.territory.id, accountId: input.accountId },
    input.type,
  )
  for (const device of devices) {
    const payload: PushJobPayload = {
      subscriptionId: device.id,
      type: input.type,
      message: input.message,
      params: input.params,
      link: safeTarget(input.link),
      ...(input.group ? { group: input.group } : {}),
    }
    await services.jobs.enqueue(
      PUSH_SEND_JOB,
      { ...payload },
      {
        tx,
        territoryId: input.territory.id,
        maxAttempts: PUSH_MAX_ATTEMPTS,
      },
    )
  }
  return devices.length
}
