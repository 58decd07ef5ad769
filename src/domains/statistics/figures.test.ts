import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { monthBounds } from './figures.repository.ts'
import { fulfilBucket, HOUR_BUCKETS, histogram, medianHours, responseBucket } from './figures.ts'

describe('hour buckets', () => {
  it('puts an hour count in the first bucket at or above it, past 30 days in the open one', () => {
    assert.equal(responseBucket(0), 'ask.response-h.1')
    assert.equal(responseBucket(1), 'ask.response-h.1')
    assert.equal(responseBucket(1.01), 'ask.response-h.2')
    assert.equal(responseBucket(24), 'ask.response-h.24')
    assert.equal(responseBucket(24.5), 'ask.response-h.36')
    assert.equal(responseBucket(155.5), 'ask.response-h.168')
    assert.equal(responseBucket(720), 'ask.response-h.720')
    assert.equal(responseBucket(721), 'ask.response-h.inf')
    assert.equal(fulfilBucket(30), 'ask.fulfil-h.36')
  })

  it('cuts in increasing order', () => {
    assert.deepEqual(
      [...HOUR_BUCKETS].sort((a, b) => a - b),
      [...HOUR_BUCKETS],
    )
  })
})

describe('medianHours', () => {
  it('is null without any count', () => {
    assert.equal(medianHours(new Map()), null)
    assert.equal(medianHours(new Map([['2', 0]])), null)
  })

  it('interpolates inside the bucket that holds the middle', () => {
    // 2, 5, 30, 50, 100 hours: the middle one (30) is in (24, 36], half-way through it
    const counts = new Map([
      ['2', 1],
      ['6', 1],
      ['36', 1],
      ['72', 1],
      ['120', 1],
    ])
    assert.equal(medianHours(counts), 30)
  })

  it('reads a single bucket from its lower bound', () => {
    assert.equal(medianHours(new Map([['24', 4]])), 21)
    assert.equal(medianHours(new Map([['1', 2]])), 0.5)
  })

  it('gives the open bucket its lower bound', () => {
    assert.equal(medianHours(new Map([['inf', 3]])), 720)
  })
})

describe('histogram', () => {
  it('keeps the buckets of one prefix, by upper bound', () => {
    const totals = new Map([
      ['ask.posted', 9],
      ['ask.response-h.2', 1],
      ['ask.response-h.inf', 2],
      ['ask.fulfil-h.24', 3],
    ])
    assert.deepEqual(
      histogram(totals, 'ask.response-h'),
      new Map([
        ['2', 1],
        ['inf', 2],
      ]),
    )
    assert.deepEqual(histogram(totals, 'ask.fulfil-h'), new Map([['24', 3]]))
  })
})

describe('monthBounds', () => {
  it('runs from the first of the first month to the last day of the last', () => {
    assert.deepEqual(monthBounds({ from: '2026-03', to: '2026-04' }), {
      from: '2026-03-01',
      to: '2026-04-01',
      toEnd: '2026-04-30',
    })
    assert.equal(monthBounds({ from: '2028-02', to: '2028-02' }).toEnd, '2028-02-29')
  })
})
