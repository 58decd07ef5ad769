import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../i18n/i18n.ts'
import {
  clampLimit,
  communeLabel,
  communeQueryProblem,
  formerOf,
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

  it('says which former commune a commune was found by, and reads that label back', () => {
    const conde = { name: 'Condé-en-Normandie', postalCodes: ['14110'], formerName: 'Condé-sur-Noireau' }
    const label = communeLabel(conde, translator('fr'))
    assert.equal(label, 'Condé-en-Normandie (14110) — ancienne commune de Condé-sur-Noireau')
    assert.deepEqual(parseCommuneLabel(label), { name: 'Condé-en-Normandie', postalCode: '14110' })
    assert.equal(
      communeLabel(conde, translator('en')),
      'Condé-en-Normandie (14110) — formerly Condé-sur-Noireau',
    )
    assert.equal(communeLabel(conde), 'Condé-en-Normandie (14110)', 'without a translator, the plain label')
    assert.deepEqual(parseCommuneQuery(label), { kind: 'name', text: 'conde en normandie' })
  })

  it('writes « de » before a former name as French does', () => {
    const fr = translator('fr')
    const en = translator('en')
    const said = (formerName: string) => {
      const { key, name } = formerOf(formerName)
      return [fr(key, { name }), en(key, { name })]
    }
    assert.deepEqual(said('Condé-sur-Noireau'), [
      'ancienne commune de Condé-sur-Noireau',
      'formerly Condé-sur-Noireau',
    ])
    assert.deepEqual(said('Écots'), ['ancienne commune d’Écots', 'formerly Écots'])
    assert.deepEqual(said('Aignerville'), ['ancienne commune d’Aignerville', 'formerly Aignerville'])
    assert.deepEqual(said('Le Molay'), ['ancienne commune du Molay', 'formerly Le Molay'])
    assert.deepEqual(said('Les Moutiers-Hubert'), [
      'ancienne commune des Moutiers-Hubert',
      'formerly Les Moutiers-Hubert',
    ])
    assert.deepEqual(said('La Chapelle-Engerbold'), [
      'ancienne commune de La Chapelle-Engerbold',
      'formerly La Chapelle-Engerbold',
    ])
  })

  it('knows INSEE codes, Corsica included', () => {
    for (const code of ['14118', '2A004', '97411']) assert.ok(INSEE_CODE.test(code), code)
    for (const code of ['1411', '2C004', '14118 ', 'caen']) assert.ok(!INSEE_CODE.test(code), code)
  })
})
