import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkReason, normalisePhone, readRegistration, siretProblem } from './organisation.ts'

describe('SIRET and RNA numbers', () => {
  it('takes a SIRET with its Luhn key, spaces allowed', () => {
    assert.deepEqual(readRegistration('552 100 554 00013'), { siret: '55210055400013', rna: null })
    assert.deepEqual(readRegistration('55210055400014'), { problem: 'organisation.siret.key' })
    assert.deepEqual(readRegistration('5521005540001'), { problem: 'organisation.siret.length' })
  })
  it('takes La Poste’s establishments by their own rule', () => {
    // 356000000 + 00051: digits sum to 20, a multiple of 5
    assert.equal(siretProblem('35600000000051'), null)
    assert.equal(siretProblem('35600000000052'), 'organisation.siret.key')
  })
  it('takes an RNA number: W and 9 digits', () => {
    assert.deepEqual(readRegistration(' w141234567 '), { siret: null, rna: 'W141234567' })
    assert.deepEqual(readRegistration('W14123456'), { problem: 'organisation.rna.format' })
    assert.deepEqual(readRegistration('abc'), { problem: 'organisation.registration.invalid' })
    assert.deepEqual(readRegistration(''), { siret: null, rna: null })
  })
  it('asks a reason to refuse or suspend, words for « other »', () => {
    assert.equal(checkReason('refuse', '', '').value, null)
    assert.equal(checkReason('suspend', 'other', ' ').value, null)
    assert.deepEqual(checkReason('refuse', 'duplicate', '').value, { code: 'duplicate', text: '' })
    assert.deepEqual(checkReason('verify', '', '').value, { code: null, text: '' })
  })
})

describe('an organisation’s public phone', () => {
  it('reads French, overseas and international numbers with the platform’s reader, in E.164', () => {
    for (const written of ['02 31 12 34 56', '02.31.12.34.56', '+33 2 31 12 34 56', '0033 2 31 12 34 56'])
      assert.equal(normalisePhone(written), '+33231123456', written)
    assert.equal(normalisePhone('05 90 12 34 56'), '+590590123456')
    assert.equal(normalisePhone('+32 470 12 34 56'), '+32470123456')
  })
  it('refuses what is not a whole number', () => {
    for (const written of ['02 31 12', '+33 2 31', 'appelez-nous', '', '+12'])
      assert.equal(normalisePhone(written), null)
  })
})
