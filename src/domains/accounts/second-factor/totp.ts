import { Secret, TOTP } from 'otpauth'

/**
 * RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. One step
 * either side is accepted, so a phone clock a little off or a code typed as it changes still works.
 */
export const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const
export const TOTP_WINDOW = 1

/** 160 random bits, the size RFC 4226 recommends for an HMAC-SHA-1 key, in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totp(secret: string, issuer = '', label = ''): TOTP {
  return new TOTP({ ...TOTP_SETTINGS, issuer, label, secret: Secret.fromBase32(secret) })
}

/** The otpauth:// address the QR code carries: the app shows the platform and the account. */
export function totpUri(secret: string, issuer: string, label: string): string {
  return totp(secret, issuer, label).toString()
}

/** Spaces and dashes are what people add when copying a code; only six digits can be one. */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '')
  return /^\d{6}$/.test(code) ? code : null
}

/**
 * The time step the code was made for, when it fits the current step ± the window; null
 * otherwise. Callers refuse a step already used, so a code seen over a shoulder cannot be replayed.
 */
export function matchingStep(secret: string, input: string, now: Date): number | null {
  const token = normaliseTotpCode(input)
  if (!token) return null
  const generator = totp(secret)
  const timestamp = now.getTime()
  const delta = generator.validate({ token, timestamp, window: TOTP_WINDOW })
  return delta === null ? null : generator.counter({ timestamp }) + delta
}

/** « ABCD EFGH IJKL … »: groups of four are easier to copy by hand into an app. */
export function groupKey(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret
}
