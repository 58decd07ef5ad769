import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { backoffMs, maxBackoffMs } from './backoff.ts'

describe('backoff', () => {
  it('doubles from 30 seconds', () => {
    assert.deepEqual([1, 2, 3, 4].map(maxBackoffMs), [30_000, 60_000, 120_000, 240_000])
  })

  it('stops growing at 6 hours', () => {
    assert.equal(maxBackoffMs(11), 6 * 3_600_000)
    assert.equal(maxBackoffMs(500), 6 * 3_600_000)
  })

  it('takes at most half the delay away, so waiting the maximum always reaches the retry', () => {
    assert.equal(
      backoffMs(3, () => 0),
      60_000,
    )
    assert.equal(
      backoffMs(3, () => 0.999999),
      120_000,
    )
    for (let i = 0; i < 100; i++) {
      const delay = backoffMs(5)
      assert.ok(delay >= maxBackoffMs(5) / 2 && delay <= maxBackoffMs(5))
    }
  })

  it('spreads jobs that failed together', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffMs(4)))
    assert.ok(delays.size > 1)
  })
})
