/** What a browser's PushSubscription gives (`subscription.toJSON()`), as the push service needs it. */
export interface PushTarget {
  endpoint: string
  /** the browser's P-256 public key, base64url: 65 bytes, uncompressed */
  p256dh: string
  /** the browser's authentication secret, base64url: 16 bytes */
  auth: string
}

/** Browsers' endpoints run to a few hundred characters; anything much longer is not one. */
export const ENDPOINT_MAX = 1000
const P256DH = /^[A-Za-z0-9_-]{87}$/
const AUTH = /^[A-Za-z0-9_-]{22}$/
/** A test's or a developer's own push service, on this machine: plain HTTP is harmless there. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]'])

export type PushTargetProblem = 'endpoint' | 'p256dh' | 'auth'

/**
 * Why a subscription cannot be sent to, or null. The app posts to the endpoint it is given, so it
 * must be a push service's address: https (the payload is encrypted, but the request carries the
 * app's signed VAPID token), no credentials, no fragment. Outside production, http to the loopback
 * address is allowed, because the tests (and a developer) stand up their own push service there.
 */
export function pushTargetProblem(
  target: { endpoint: string; p256dh: string; auth: string },
  env: 'development' | 'production' | 'test',
): PushTargetProblem | null {
  if (!endpointAllowed(target.endpoint, env)) return 'endpoint'
  if (!P256DH.test(target.p256dh)) return 'p256dh'
  // an uncompressed point starts with 4; anything else cannot be a key exchange's other half
  if (Buffer.from(target.p256dh, 'base64url')[0] !== 4) return 'p256dh'
  if (!AUTH.test(target.auth)) return 'auth'
  return null
}

function endpointAllowed(endpoint: string, env: 'development' | 'production' | 'test'): boolean {
  if (endpoint.length > ENDPOINT_MAX || !/^[\x21-\x7e]+$/.test(endpoint)) return false
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return false
  }
  if (url.username || url.password || url.hash || endpoint.includes('#')) return false
  if (url.protocol === 'https:') return url.hostname.length > 0
  return url.protocol === 'http:' && env !== 'production' && LOOPBACK_HOSTS.has(url.hostname)
}
