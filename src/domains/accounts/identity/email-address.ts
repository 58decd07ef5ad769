import { sha256 } from '../../../platform/auth/secrets.ts'
import type { MessageKey } from '../../../platform/i18n/i18n.ts'

/** RFC 5321 caps a path at 256 octets, so an address longer than 254 characters cannot be delivered. */
export const EMAIL_MAX = 254

/**
 * Deliberately loose: one @, something on each side, a dot in the domain, nothing a mail header
 * could be split on. The verification link is what proves an address, not a pattern.
 */
const EMAIL_SHAPE = /^[^\s@<>,;"()[\]\\]+@[^\s@<>,;"()[\]\\]+\.[^\s@<>,;"()[\]\\.]+$/

export function normaliseEmail(raw: string): string {
  return raw.normalize('NFC').trim()
}

export function emailProblem(email: string): MessageKey | null {
  if (email === '') return 'email.required'
  if (email.length > EMAIL_MAX) return 'email.tooLong'
  if (!EMAIL_SHAPE.test(email)) return 'email.invalid'
  return null
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

/** What a rate-limit key holds of an address: the counters table must not be a list of addresses. */
export function emailKey(email: string): string {
  return sha256(email.trim().toLowerCase())
}

/** « ma…@exemple.fr »: enough for the owner of the old address to recognise the new one, not to harvest it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at < 1) return '…'
  const local = email.slice(0, at)
  return `${local.slice(0, Math.min(2, local.length - 1) || 1)}…${email.slice(at)}`
}

/** The unique index on lower(email) refused a row: someone took the address a moment earlier. */
export function isDuplicateAddress(error: unknown): boolean {
  const code = (e: unknown) => (e as { code?: unknown } | null)?.code
  return code(error) === '23505' || code((error as { cause?: unknown } | null)?.cause) === '23505'
}
