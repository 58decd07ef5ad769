import { decrypt, encrypt } from '../../../platform/auth/secrets.ts'

const PURPOSE = 'pending-confirmation'
const LIFETIME_MS = 3_600_000

/**
 * After the right password of an account whose address is not confirmed, the page offers to send
 * the link again. It cannot name the account in the clear (the form would then resend to anyone's
 * address) and the person has no session yet: the form carries the account's id sealed with
 * `APP_SECRET` for an hour, which only the right password obtains.
 */
export function sealPendingAccount(secret: string, accountId: string, now: Date): string {
  return encrypt(secret, JSON.stringify({ a: accountId, e: now.getTime() + LIFETIME_MS }), PURPOSE)
}

/** The account id sealed by `sealPendingAccount`, or null when altered, of another secret or expired. */
export function openPendingAccount(secret: string, sealed: unknown, now: Date): string | null {
  if (typeof sealed !== 'string' || sealed.length > 500) return null
  try {
    const { a, e } = JSON.parse(decrypt(secret, sealed, PURPOSE)) as { a?: unknown; e?: unknown }
    if (typeof a !== 'string' || typeof e !== 'number' || e < now.getTime()) return null
    return a
  } catch {
    return null
  }
}
