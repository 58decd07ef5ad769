import { randomInt } from 'node:crypto'
import { sha256 } from '../../../platform/auth/secrets.ts'

export const RECOVERY_CODE_COUNT = 10
/** No i, l, o, 0 or 1: a code copied on paper must not be misread. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const LENGTH = 10

/** Ten codes of 10 characters (about 50 bits each), shown once as « abcde-fghjk ». */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)])
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
  })
}

/** What people type back: any case, with or without the dash and spaces; null if it cannot be a code. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, '')
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null
}

/** Only the digest is stored: a database dump does not give working codes. */
export function hashRecoveryCode(code: string): string {
  const normalised = normaliseRecoveryCode(code)
  if (!normalised) throw new Error('not a recovery code')
  return sha256(normalised)
}
