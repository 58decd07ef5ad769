import webpush from 'web-push'
import type { PushKeys } from '../../config.ts'
import type { PushTarget } from './push-subscription-keys.ts'

/** What the service worker receives and shows: no more than the in-app notification says. */
export interface PushMessage {
  /** the platform's name */
  title: string
  body: string
  /** a path of the platform, opened when the notification is touched */
  url: string
  /** a second notification with the same tag replaces the first on the phone (one per conversation) */
  tag?: string
}

export interface PushOptions {
  /** how long the push service keeps it for a phone that is off; past that, it is dropped */
  ttlSeconds: number
  urgency: 'very-low' | 'low' | 'normal' | 'high'
  /** a newer message with the same topic replaces one the push service still holds (base64url, ≤ 32) */
  topic?: string
}

/** The push service will never deliver to this subscription again (404, 410): forget it. */
export type PushOutcome = 'sent' | 'gone'

export class PushServiceError extends Error {
  constructor(readonly status: number | null) {
    super(status === null ? 'push service unreachable' : `push service answered ${status}`)
  }
}

const TIMEOUT_MS = 10_000
/** A push service refuses payloads over 4 KB; a notification's words never need that much. */
const BODY_MAX = 300

/**
 * Sends one encrypted message (RFC 8291, aes128gcm) signed with the app's VAPID key (RFC 8292).
 * `web-push` encrypts and signs; the request itself goes through fetch, which also reaches the
 * plain-HTTP push service of a test on the loopback address (web-push's own sender speaks https only).
 */
export class PushSender {
  constructor(
    private readonly keys: PushKeys,
    private readonly post: typeof fetch = fetch,
  ) {}

  get publicKey(): string {
    return this.keys.publicKey
  }

  async send(target: PushTarget, message: PushMessage, options: PushOptions): Promise<PushOutcome> {
    const body = message.body.length > BODY_MAX ? `${message.body.slice(0, BODY_MAX - 1)}…` : message.body
    const details = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify({ ...message, body }),
      {
        vapidDetails: this.keys,
        TTL: options.ttlSeconds,
        urgency: options.urgency,
        ...(options.topic ? { topic: options.topic } : {}),
        contentEncoding: 'aes128gcm',
      },
    )
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(details.headers)) headers[name] = String(value)
    let status: number
    try {
      const response = await this.post(details.endpoint, {
        method: 'POST',
        headers,
        body: new Uint8Array(details.body as Buffer),
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      status = response.status
      await response.body?.cancel()
    } catch {
      throw new PushServiceError(null)
    }
    if (status >= 200 && status < 300) return 'sent'
    if (status === 404 || status === 410) return 'gone'
    throw new PushServiceError(status)
  }
}
