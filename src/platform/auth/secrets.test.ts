import assert from 'node:assert/strict'
import { createHmac, hkdfSync } from 'node:crypto'
import { describe, it } from 'node:test'
import { decrypt, encrypt, hmac, randomToken, sha256 } from './secrets.ts'

describe('secrets', () => {
  it('makes 256-bit URL-safe tokens, all different', () => {
    const tokens = new Set(Array.from({ length: 100 }, randomToken))
    assert.equal(tokens.size, 100)
    for (const t of tokens) assert.match(t, /^[\w-]{43}$/)
  })

  it('stores a digest that does not reveal the token', () => {
    const token = randomToken()
    assert.notEqual(sha256(token), token)
    assert.equal(sha256(token), sha256(token))
  })

  it('encrypts so that only the same secret decrypts, and detects tampering', () => {
    const secret = 'a'.repeat(40)
    const sealed = encrypt(secret, 'JBSWY3DPEHPK3PXP')
    assert.doesNotMatch(sealed, /JBSWY3DPEHPK3PXP/)
    assert.notEqual(encrypt(secret, 'JBSWY3DPEHPK3PXP'), sealed, 'a fresh nonce each time')
    assert.equal(decrypt(secret, sealed), 'JBSWY3DPEHPK3PXP')
    assert.throws(() => decrypt('b'.repeat(40), sealed))
    const [iv, tag, body] = sealed.split('.')
    const flipped = `${iv}.${tag}.${body!.slice(0, -2)}${body!.endsWith('A') ? 'B' : 'A'}${body!.slice(-1)}`
    assert.throws(() => decrypt(secret, flipped))
  })

  it('keys digests by purpose', () => {
    assert.notEqual(hmac('s'.repeat(40), 'csrf', 'x'), hmac('s'.repeat(40), 'other', 'x'))
  })

  it('digests with HMAC-SHA-256, not a bare hash of key and message', () => {
    const secret = 's'.repeat(40)
    const key = Buffer.from(hkdfSync('sha256', secret, 'entraide', 'csrf', 32))
    const expected = createHmac('sha256', key).update('message').digest('base64url')
    assert.equal(hmac(secret, 'csrf', 'message'), expected)
  })
})
