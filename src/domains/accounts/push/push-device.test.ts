import assert from 'node:assert/strict'
import { createECDH, randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { pushTargetProblem } from '../../../platform/push/push-subscription-keys.ts'
import { checkSubscription, checkTypes } from './push-device.ts'

const ecdh = createECDH('prime256v1')
ecdh.generateKeys()
const keys = {
  p256dh: ecdh.getPublicKey().toString('base64url'),
  auth: randomBytes(16).toString('base64url'),
}
const target = (endpoint: string) => ({ endpoint, ...keys })

describe('a browser’s push subscription', () => {
  it('takes an https push service anywhere, and plain http to the loopback address outside production only', () => {
    assert.equal(pushTargetProblem(target('https://fcm.googleapis.com/fcm/send/abc:def'), 'production'), null)
    assert.equal(pushTargetProblem(target('http://127.0.0.1:8123/push/1'), 'test'), null)
    assert.equal(pushTargetProblem(target('http://127.0.0.1:8123/push/1'), 'development'), null)
    for (const endpoint of [
      'http://127.0.0.1:8123/push/1',
      'http://push.exemple.test/1',
      'http://localhost/1',
      'javascript:alert(1)',
      'https://user:pass@push.exemple.test/1',
      'https://push.exemple.test/1#x',
      'https://push.exemple.test/ espace',
      `https://push.exemple.test/${'a'.repeat(1000)}`,
      'file:///etc/passwd',
      '/relative',
    ])
      assert.equal(pushTargetProblem(target(endpoint), 'production'), 'endpoint', endpoint)
    assert.equal(
      pushTargetProblem(target('http://10.0.0.1/push'), 'test'),
      'endpoint',
      'only the loopback address',
    )
  })

  it('wants a P-256 point and a 16-byte secret', () => {
    const endpoint = 'https://push.exemple.test/1'
    assert.equal(pushTargetProblem({ endpoint, p256dh: 'abc', auth: keys.auth }, 'test'), 'p256dh')
    const compressed = Buffer.alloc(65, 3).toString('base64url')
    assert.equal(pushTargetProblem({ endpoint, p256dh: compressed, auth: keys.auth }, 'test'), 'p256dh')
    assert.equal(pushTargetProblem({ endpoint, p256dh: keys.p256dh, auth: 'court' }, 'test'), 'auth')
  })

  it('keeps the types in the profile’s order, the replies and messages when none are given, and refuses others', () => {
    assert.deepEqual(checkTypes(['savedSearches', 'matches']), ['matches', 'savedSearches'])
    assert.deepEqual(checkTypes([]), [])
    assert.equal(checkTypes(['matches', '__proto__']), null)
    assert.equal(checkTypes(['toString']), null)
    const ok = checkSubscription({ endpoint: 'https://push.exemple.test/1', keys }, 'production')
    assert.deepEqual('types' in ok && ok.types, ['matches', 'messages'])
    const bad = checkSubscription({ endpoint: 'http://push.exemple.test/1', keys }, 'production')
    assert.deepEqual('issues' in bad && bad.issues, [{ field: 'endpoint', key: 'push.error.endpoint' }])
  })
})
