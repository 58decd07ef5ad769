import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Secret, TOTP } from 'otpauth'
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes.ts'
import { groupKey, matchingStep, newTotpSecret, normaliseTotpCode, totpUri } from './totp.ts'

// RFC 6238 appendix B: the ASCII key « 12345678901234567890 », SHA-1.
const RFC_SECRET = Secret.fromUTF8('12345678901234567890').base32
const at = (seconds: number) => new Date(seconds * 1000)
const codeAt = (secret: string, date: Date) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: date.getTime() })

describe('TOTP (RFC 6238)', () => {
  it('reads the RFC test vectors, cut to 6 digits', () => {
    // 94287082 at T = 59 s (step 1), 07081804 at T = 1111111109 s.
    assert.equal(matchingStep(RFC_SECRET, '287082', at(59)), 1)
    assert.equal(matchingStep(RFC_SECRET, '081804', at(1111111109)), Math.floor(1111111109 / 30))
  })

  it('accepts one step either side and no further', () => {
    const secret = newTotpSecret()
    const now = at(1_800_000_000)
    const step = Math.floor(now.getTime() / 30_000)
    for (const offset of [-1, 0, 1]) {
      const code = codeAt(secret, new Date(now.getTime() + offset * 30_000))
      assert.equal(matchingStep(secret, code, now), step + offset)
    }
    for (const offset of [-2, 2]) {
      const code = codeAt(secret, new Date(now.getTime() + offset * 30_000))
      assert.equal(matchingStep(secret, code, now), null)
    }
  })

  it('takes a code typed with spaces, and refuses what cannot be a code', () => {
    const secret = newTotpSecret()
    const now = at(1_800_000_000)
    const code = codeAt(secret, now)
    assert.notEqual(matchingStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now), null)
    assert.equal(normaliseTotpCode('12345'), null)
    assert.equal(normaliseTotpCode('12345a'), null)
    assert.equal(normaliseTotpCode(' 123-456 '), '123456')
    assert.equal(matchingStep(secret, 'abcdef', now), null)
  })

  it('makes 160-bit keys, shown in groups of four, and the address authenticator apps read', () => {
    const a = newTotpSecret()
    assert.match(a, /^[A-Z2-7]{32}$/)
    assert.notEqual(a, newTotpSecret())
    assert.equal(groupKey('ABCDEFGHIJKL'), 'ABCD EFGH IJKL')
    const uri = new URL(totpUri(a, 'Entraide Calvados', 'claire@exemple.test'))
    assert.equal(uri.protocol, 'otpauth:')
    assert.equal(uri.searchParams.get('secret'), a)
    assert.equal(uri.searchParams.get('issuer'), 'Entraide Calvados')
    assert.equal(uri.searchParams.get('algorithm'), 'SHA1')
    assert.equal(uri.searchParams.get('digits'), '6')
    assert.equal(uri.searchParams.get('period'), '30')
  })
})

describe('recovery codes', () => {
  it('gives ten different codes that are easy to copy', () => {
    const codes = newRecoveryCodes()
    assert.equal(codes.length, 10)
    assert.equal(new Set(codes).size, 10)
    for (const code of codes) assert.match(code, /^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/)
  })

  it('reads a code back whatever the case, dash or spaces, and stores only its digest', () => {
    const [code] = newRecoveryCodes() as [string]
    const typed = ` ${code.toUpperCase().replace('-', ' ')} `
    assert.equal(normaliseRecoveryCode(typed), code.replace('-', ''))
    assert.equal(hashRecoveryCode(typed), hashRecoveryCode(code))
    assert.doesNotMatch(hashRecoveryCode(code), new RegExp(code.slice(0, 5)))
    assert.equal(normaliseRecoveryCode('123456'), null)
    assert.equal(normaliseRecoveryCode('abcde-fghi1'), null)
  })
})
