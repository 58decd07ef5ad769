import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkSlots, weeklySlots } from './mission.ts'
import { parisInstant, parseLocalTime } from './paris-time.ts'

const row = (date: string, start = '09:00', end = '12:00', places = '3') => ({ date, start, end, places })
const blank = row('', '', '', '')
const now = new Date('2026-03-16T09:00:00Z')

describe('slots in Paris time', () => {
  it('reads wall-clock times on both sides of the change to summer time', () => {
    assert.equal(parisInstant(2026, 3, 28, 9, 0).toISOString(), '2026-03-28T08:00:00.000Z')
    assert.equal(parisInstant(2026, 3, 29, 9, 0).toISOString(), '2026-03-29T07:00:00.000Z')
    assert.equal(parisInstant(2026, 10, 25, 9, 0).toISOString(), '2026-10-25T08:00:00.000Z')
    // 2 h 30 does not exist that night: clocks jump from 2 h to 3 h.
    assert.equal(parisInstant(2026, 3, 29, 2, 30).toISOString(), '2026-03-29T01:30:00.000Z')
  })

  it('reads times as people type them', () => {
    assert.deepEqual(parseLocalTime('9h'), { hour: 9, minute: 0 })
    assert.deepEqual(parseLocalTime('9 h 30'), { hour: 9, minute: 30 })
    assert.deepEqual(parseLocalTime('14:05'), { hour: 14, minute: 5 })
    assert.equal(parseLocalTime('25:00'), null)
    assert.equal(parseLocalTime('9:60'), null)
    assert.equal(parseLocalTime('midi'), null)
  })

  it('makes « every Saturday 9–12 until 30 June » into Saturdays at 9 h in Paris, summer time included', () => {
    const slots = weeklySlots({ weekday: 6, start: '09:00', end: '12:00', until: '2026-04-11' }, 3, now)
    assert.deepEqual(
      slots.map((s) => s.startsAt.toISOString()),
      [
        '2026-03-21T08:00:00.000Z',
        '2026-03-28T08:00:00.000Z',
        '2026-04-04T07:00:00.000Z',
        '2026-04-11T07:00:00.000Z',
      ],
    )
    assert.ok(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 3 * 3_600_000))
  })

  it('refuses more than 60 weekly slots, and a rule that makes none', () => {
    const weekly = (until: string, weekday = '6') => ({
      kind: 'weekly' as const,
      weekly: { weekday, start: '09:00', end: '12:00', until, places: '3' },
    })
    assert.deepEqual(
      checkSlots(weekly('2027-06-30'), now).issues.map((i) => i.key),
      ['mission.slots.tooMany'],
    )
    // From Monday 16 March to Tuesday 17 March there is no Saturday.
    assert.deepEqual(
      checkSlots(weekly('2026-03-17'), now).issues.map((i) => i.key),
      ['mission.weekly.none'],
    )
    assert.equal(checkSlots(weekly('2027-03-13'), now).slots.length, 52)
  })

  it('checks each one-off row and names its fields', () => {
    const check = (...rows: ReturnType<typeof row>[]) =>
      checkSlots({ kind: 'once', rows }, now).issues.map((i) => `${i.field} ${i.key}`)
    assert.deepEqual(check(row('2026-03-15')), ['date-1 mission.date.past'])
    assert.deepEqual(check(blank, row('2026-04-04', '12:00', '09:00')), ['end-2 mission.time.endBeforeStart'])
    assert.deepEqual(check(row('2026-04-04', '09:00', '12:00', '0')), ['places-1 mission.places.invalid'])
    assert.deepEqual(check(row('2026-04-04', '09:00', '12:00', '10001')), ['places-1 mission.places.invalid'])
    assert.deepEqual(check(row('2026-04-04', '09:00', '12:00', '-1')), ['places-1 mission.places.invalid'])
    assert.deepEqual(check(row('2026-02-30')), ['date-1 mission.date.invalid'])
    assert.deepEqual(check(row('9999-12-31')), ['date-1 mission.date.tooFar'])
    assert.deepEqual(check(blank), ['date-1 mission.slots.required'])
    const ok = checkSlots(
      { kind: 'once', rows: [row('04/04/2026'), blank, row('2026-04-11', '14h', '17 h')] },
      now,
    )
    assert.deepEqual(ok.issues, [])
    assert.deepEqual(
      ok.slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString(), s.places]),
      [
        ['2026-04-04T07:00:00.000Z', '2026-04-04T10:00:00.000Z', 3],
        ['2026-04-11T12:00:00.000Z', '2026-04-11T15:00:00.000Z', 3],
      ],
    )
  })
})
