import {
  ENDPOINT_MAX,
  type PushTarget,
  pushTargetProblem,
} from '../../../platform/push/push-subscription-keys.ts'
import type { Issue } from '../../../platform/validation.ts'
import { type NotificationType, notificationTypes } from '../profile/profile.ts'

/** A person rarely has more phones and computers than this; a script adding more is refused. */
export const DEVICES_MAX = 10

/** What a new device receives until the person chooses: what waits for them, not the alerts. */
export const DEFAULT_PUSH_TYPES: NotificationType[] = ['matches', 'messages']

const isType = (value: unknown): value is NotificationType => notificationTypes.some((n) => n.type === value)

/** The device as its owner sees it in the list; keys and endpoint never leave the server. */
export interface PushDeviceView {
  id: string
  /** « Chrome / Android », or null when the browser did not say */
  device: string | null
  types: NotificationType[]
  createdAt: Date
  lastSuccessAt: Date | null
}

export interface SubscribeInput {
  endpoint: string
  keys: { p256dh: string; auth: string }
  types?: string[]
}

/** The subscription a browser sent, checked; issues name the JSON fields. */
export function checkSubscription(
  input: SubscribeInput,
  env: 'development' | 'production' | 'test',
): { target: PushTarget; types: NotificationType[] } | { issues: Issue[] } {
  const target = { endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth }
  const problem = input.endpoint.length > ENDPOINT_MAX ? 'endpoint' : pushTargetProblem(target, env)
  if (problem === 'endpoint') return { issues: [{ field: 'endpoint', key: 'push.error.endpoint' }] }
  if (problem) return { issues: [{ field: `keys/${problem}`, key: 'push.error.keys' }] }
  const types = input.types === undefined ? DEFAULT_PUSH_TYPES : checkTypes(input.types)
  if (!types) return { issues: [{ field: 'types', key: 'push.error.types' }] }
  return { target, types }
}

/** The ticked types, in the profile's order; anything that is not one makes the whole choice void. */
export function checkTypes(values: readonly unknown[]): NotificationType[] | null {
  if (values.length > notificationTypes.length * 2 || !values.every(isType)) return null
  return notificationTypes.map((n) => n.type).filter((type) => values.includes(type))
}
