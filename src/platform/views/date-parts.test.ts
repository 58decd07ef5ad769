import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDateParts, partsOfIso } from './date-parts.ts'

const parse = (day: string, month: string, year: string) => parseDateParts({ day, month, year })

describe('a date typed as day, month and year', () => {
  it('reads a real date, leading zeros and spaces forgiven', () => {
    assert.deepEqual(parse('2', '4', '2026'), { kind: 'date', iso: '2026-04-02' })
    assert.deepEqual(parse('02', '04', '2026'), { kind: 'date', iso: '2026-04-02' })
    assert.deepEqual(parse(' 29 ', '2', '2028'), { kind: 'date', iso: '2028-02-29' }, 'a leap year')
    assert.deepEqual(parse('31', '12', '2026'), { kind: 'date', iso: '2026-12-31' })
  })

  it('names what is missing, one part at a time', () => {
    assert.deepEqual(parse('', '', ''), { kind: 'problem', problem: 'empty' })
    assert.deepEqual(parse(' ', '', ''), { kind: 'problem', problem: 'empty' })
    assert.deepEqual(parse('', '4', '2026'), { kind: 'problem', problem: 'missing-day' })
    assert.deepEqual(parse('2', '', '2026'), { kind: 'problem', problem: 'missing-month' })
    assert.deepEqual(parse('2', '4', ''), { kind: 'problem', problem: 'missing-year' })
  })

  it('refuses dates that do not exist and years that are not four digits', () => {
    for (const [d, m, y] of [
      ['31', '2', '2026'],
      ['29', '2', '2026'],
      ['31', '4', '2026'],
      ['0', '4', '2026'],
      ['2', '13', '2026'],
      ['2', '0', '2026'],
      ['deux', '4', '2026'],
      ['2', 'avril', '2026'],
      ['2.5', '4', '2026'],
      ['-2', '4', '2026'],
      ['1e1', '4', '2026'],
      ['2', '4', '２０２６'],
      ['02/04/2026', '4', '2026'],
    ])
      assert.deepEqual(parse(d!, m!, y!), { kind: 'problem', problem: 'not-real' }, `${d} ${m} ${y}`)
    assert.deepEqual(parse('2', '4', '26'), { kind: 'problem', problem: 'year-digits' })
    assert.deepEqual(parse('2', '4', '02026'), { kind: 'problem', problem: 'not-real' })
  })

  it('shows a stored day as a person types it', () => {
    assert.deepEqual(partsOfIso('2026-04-02'), { day: '2', month: '4', year: '2026' })
    assert.deepEqual(partsOfIso(''), { day: '', month: '', year: '' })
    assert.deepEqual(partsOfIso('02/04/2026'), { day: '', month: '', year: '' })
    assert.deepEqual(partsOfIso(undefined), { day: '', month: '', year: '' })
  })
})
