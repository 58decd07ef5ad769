import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  clampLimit,
  communeLabel,
  communeQueryProblem,
  INSEE_CODE,
  parseCommuneLabel,
  parseCommuneQuery,
} from './commune.ts'

describe('commune queries', () => {
  it('reads digits as the beginning of a postal code', () => {
    assert.deepEqual(parseCommuneQuery('14000'), { kind: 'postal', prefix: '14000' })
    assert.deepEqual(parseCommuneQuery(' 14 0'), { kind: 'postal', prefix: '140' })
    assert.deepEqual(parseCommuneQuery('1400000'), { kind: 'empty' })
  })

  it('reads anything else as a name, normalised', () => {
    assert.deepEqual(parseCommuneQuery('Sainte-Mère-Église'), { kind: 'name', text: 'sainte mere eglise' })
    assert.deepEqual(parseCommuneQuery('Caen (14000)'), { kind: 'name', text: 'caen' })
  })

  it('finds nothing to search in spaces, punctuation or emoji', () => {
    for (const q of ['', '   ', '🙂', '?!', "'; --"])
      assert.deepEqual(parseCommuneQuery(q), { kind: 'empty' })
  })

  it('refuses a query longer than 100 characters, with the reason', () => {
    assert.equal(communeQueryProblem('a'.repeat(100)), null)
    assert.deepEqual(communeQueryProblem('a'.repeat(101)), {
      key: 'commune.error.tooLong',
      params: { max: 100 },
    })
  })

  it('keeps the number of results between 1 and 50', () => {
    assert.equal(clampLimit(undefined), 10)
    assert.equal(clampLimit(0), 1)
    assert.equal(clampLimit(500), 50)
    assert.equal(clampLimit(Number.NaN), 10)
  })
})

describe('commune labels', () => {
  it('shows the name and the first postal code, and reads it back', () => {
    const label = communeLabel({ name: 'Caen', postalCodes: ['14000'] })
    assert.equal(label, 'Caen (14000)')
    assert.deepEqual(parseCommuneLabel(label), { name: 'Caen', postalCode: '14000' })
    assert.deepEqual(parseCommuneLabel('  Saint-Lô(50000) '), { name: 'Saint-Lô', postalCode: '50000' })
    assert.equal(parseCommuneLabel('Caen'), null)
    assert.equal(parseCommuneLabel('(14000)'), null)
  })

  it('knows INSEE codes, Corsica included', () => {
    for (const code of ['14118', '2A004', '97411']) assert.ok(INSEE_CODE.test(code), code)
    for (const code of ['1411', '2C004', '14118 ', 'caen']) assert.ok(!INSEE_CODE.test(code), code)
  })
})
