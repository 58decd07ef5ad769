import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Issue } from '../../platform/validation.ts'
import {
  checkHours,
  checkMonths,
  openTodayUntil,
  parisNow,
  parseTime,
  seasonOf,
  spokenTime,
} from './producer.ts'

describe('the rules of a producer’s page', () => {
  it('reads times as people write them, and refuses what is not a time of day', () => {
    assert.equal(parseTime('9h'), '09:00')
    assert.equal(parseTime('9 h 30'), '09:30')
    assert.equal(parseTime('18:05'), '18:05')
    assert.equal(parseTime('23h59'), '23:59')
    for (const bad of ['24h', '9h60', 'midi', '', '9:5', '-1h']) assert.equal(parseTime(bad), null, bad)
    assert.equal(spokenTime('18:00', 'fr'), '18 h')
    assert.equal(spokenTime('18:30:00', 'fr'), '18 h 30')
  })

  it('checks each row of hours: a weekday 1–7, closing after opening, a market on one day', () => {
    const issues: Issue[] = []
    const rows = [
      { day: '1', opens: '9h', closes: '12h' },
      { day: '', opens: '', closes: '' },
      { day: '7', opens: '14h', closes: '18h' },
    ]
    assert.deepEqual(checkHours(issues, rows, 'farm-shop'), [
      { weekday: 1, opens: '09:00', closes: '12:00' },
      { weekday: 7, opens: '14:00', closes: '18:00' },
    ])
    assert.deepEqual(issues, [])
    const refused: Issue[] = []
    checkHours(refused, [{ day: '0', opens: '12h', closes: '9h' }], 'farm-shop')
    assert.deepEqual(
      refused.map((i) => i.field),
      ['hours1Day', 'hours1Closes'],
    )
    const market: Issue[] = []
    checkHours(market, rows, 'market')
    assert.deepEqual(
      market.map((i) => i.key),
      ['producers.error.marketOneDay'],
    )
  })

  it('takes months 1–12 once each, in order', () => {
    const issues: Issue[] = []
    assert.deepEqual(checkMonths(issues, 'months', ['9', '5', '5']), [5, 9])
    checkMonths(issues, 'months', ['13'])
    checkMonths(issues, 'months', [])
    assert.deepEqual(
      issues.map((i) => i.key),
      ['producers.error.months', 'producers.error.monthsRequired'],
    )
  })

  it('says a season as one run of months, over the new year too', () => {
    assert.deepEqual(seasonOf([5, 6, 7, 8, 9]), { kind: 'range', from: 5, to: 9 })
    assert.deepEqual(seasonOf([11, 12, 1, 2]), { kind: 'range', from: 11, to: 2 })
    assert.deepEqual(seasonOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), { kind: 'all' })
    assert.deepEqual(seasonOf([3, 7]), { kind: 'list', months: [3, 7] })
  })

  it('is open today until the last span that has not closed, in Paris time across the clock change', () => {
    // Sunday 29 March 2026, 00:30 UTC is 01:30 in Paris (winter), 01:30 UTC is 03:30 (summer).
    assert.deepEqual(parisNow(new Date('2026-03-29T00:30:00Z')), { weekday: 7, time: '01:30' })
    assert.deepEqual(parisNow(new Date('2026-03-29T01:30:00Z')), { weekday: 7, time: '03:30' })
    const hours = [
      { weekday: 1, opens: '09:00', closes: '12:00' },
      { weekday: 1, opens: '14:00', closes: '18:00' },
    ]
    assert.equal(openTodayUntil(hours, { weekday: 1, time: '08:00' }), '18:00')
    assert.equal(openTodayUntil(hours, { weekday: 1, time: '17:59' }), '18:00')
    assert.equal(openTodayUntil(hours, { weekday: 1, time: '18:00' }), null)
    assert.equal(openTodayUntil(hours, { weekday: 2, time: '10:00' }), null)
  })
})
