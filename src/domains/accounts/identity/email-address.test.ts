import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  emailKey,
  emailProblem,
  isDuplicateAddress,
  maskEmail,
  normaliseEmail,
  sameEmail,
} from './email-address.ts'

describe('email addresses', () => {
  it('accepts ordinary addresses and explains what is wrong with the others', () => {
    for (const ok of ['zoe@exemple.fr', 'jean-eric.m+entraide@mairie.caen.fr', 'n.diaye@exemple.co.uk']) {
      assert.equal(emailProblem(ok), null, ok)
    }
    assert.equal(emailProblem(''), 'email.required')
    assert.equal(emailProblem('zoe'), 'email.invalid')
    assert.equal(emailProblem('zoe@exemple'), 'email.invalid')
    assert.equal(emailProblem('zoe@@exemple.fr'), 'email.invalid')
    assert.equal(emailProblem('Zoé <zoe@exemple.fr>'), 'email.invalid', 'nothing a header could be split on')
    assert.equal(emailProblem(`${'a'.repeat(250)}@exemple.fr`), 'email.tooLong')
  })

  it('compares without case or surrounding spaces', () => {
    assert.equal(normaliseEmail('  Zoe@Exemple.fr '), 'Zoe@Exemple.fr')
    assert.ok(sameEmail('Zoe@Exemple.fr', ' zoe@exemple.fr'))
    assert.equal(emailKey('Zoe@Exemple.fr'), emailKey('zoe@exemple.fr '))
  })

  it('keeps no address in a rate-limit key', () => {
    const key = emailKey('zoe@exemple.fr')
    assert.doesNotMatch(key, /zoe|exemple/)
    assert.match(key, /^[\w-]{43}$/)
  })

  it('masks an address enough to recognise it, not to harvest it', () => {
    assert.equal(maskEmail('jean-eric@exemple.fr'), 'je…@exemple.fr')
    assert.equal(maskEmail('jo@exemple.fr'), 'j…@exemple.fr')
    assert.equal(maskEmail('a@exemple.fr'), 'a…@exemple.fr')
  })

  it('recognises a unique violation, raw or wrapped by the ORM', () => {
    assert.ok(isDuplicateAddress({ code: '23505' }))
    assert.ok(isDuplicateAddress({ cause: { code: '23505' } }))
    assert.ok(!isDuplicateAddress(new Error('boom')))
    assert.ok(!isDuplicateAddress(null))
  })
})
