import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addYears, checkVerification, endOfParisDay, lastDayOf, parisDay } from './volunteer.ts'

describe('verification dates, in Paris', () => {
  it('ends at midnight after the last day, in winter and in summer time', () => {
    assert.equal(endOfParisDay('2027-01-15').toISOString(), '2027-01-15T23:00:00.000Z')
    assert.equal(endOfParisDay('2027-07-15').toISOString(), '2027-07-15T22:00:00.000Z')
    // The night the clocks go forward (28 March 2027) still ends at that day's midnight.
    assert.equal(endOfParisDay('2027-03-27').toISOString(), '2027-03-27T23:00:00.000Z')
    assert.equal(endOfParisDay('2027-03-28').toISOString(), '2027-03-28T22:00:00.000Z')
    assert.equal(parisDay(lastDayOf(endOfParisDay('2027-07-15'))), '2027-07-15')
  })

  it('counts today in Paris, and a year later on the same day', () => {
    assert.equal(parisDay(new Date('2026-12-31T23:30:00Z')), '2027-01-01')
    assert.equal(addYears('2026-03-16', 1), '2027-03-16')
    assert.equal(addYears('2028-02-29', 1), '2029-03-01')
  })

  it('takes a typed or picked date, one year by default, three at most', () => {
    const now = new Date('2026-03-16T09:00:00Z')
    const check = (until: string) => checkVerification({ email: 'a@b.fr', until, note: '' }, now)
    assert.equal(check('').value?.lastDay, '2027-03-16')
    assert.equal(check('01/04/2026').value?.lastDay, '2026-04-01')
    assert.equal(check('2029-03-16').value?.lastDay, '2029-03-16')
    assert.deepEqual(check('2029-03-17').issues, [
      { field: 'until', key: 'volunteer.until.tooFar', params: { years: 3 } },
    ])
    assert.equal(check('2026-03-16').issues[0]?.key, 'volunteer.until.past')
    assert.equal(check('demain').issues[0]?.key, 'volunteer.until.invalid')
  })
})
