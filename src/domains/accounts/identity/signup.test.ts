import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isTokenShaped, TOKEN_LIFETIMES_MS } from './email-tokens.ts'
import { loginAccountKey, loginFieldIssues } from './login.service.ts'
import { checkSignUpFields, type SignUpInput } from './signup.service.ts'

const valid: SignUpInput = {
  displayName: '  Jean-Éric   N’Diaye ',
  email: ' jean-eric@exemple.fr ',
  password: 'les mouettes chantent sur le port de Honfleur',
  commune: 'Bayeux',
  phone: '06.12.34.56.78',
  charter: true,
  privacy: true,
}

describe('sign-up rules', () => {
  it('normalises what people type', async () => {
    const { values, before, after } = await checkSignUpFields(valid)
    assert.deepEqual([...before, ...after], [])
    assert.deepEqual(values, {
      displayName: 'Jean-Éric N’Diaye',
      email: 'jean-eric@exemple.fr',
      phone: '+33612345678',
    })
  })

  it('accepts no phone number at all', async () => {
    const { values, after } = await checkSignUpFields({ ...valid, phone: '' })
    assert.equal(values.phone, null)
    assert.deepEqual(after, [])
  })

  it('lists the problems in the order of the form, around the commune', async () => {
    const { before, after } = await checkSignUpFields({
      displayName: '',
      email: 'nope',
      password: 'x',
      commune: '',
      phone: 'abc',
      charter: false,
      privacy: false,
    })
    assert.deepEqual(
      before.map((i) => i.field),
      ['displayName', 'email', 'password'],
    )
    assert.deepEqual(
      after.map((i) => i.field),
      ['phone', 'charter', 'privacy'],
    )
    assert.deepEqual(before[2], { field: 'password', key: 'password.tooShort', params: { min: 12 } })
  })

  it('refuses a password built on the person’s own name or address', async () => {
    const { before } = await checkSignUpFields({
      ...valid,
      displayName: 'Gwendoline',
      email: 'gwendoline@exemple.fr',
      password: 'gwendoline2026!',
    })
    assert.equal(before[0]?.field, 'password')
  })

  it('refuses markup in a name', async () => {
    const { before } = await checkSignUpFields({ ...valid, displayName: '<script>alert(1)</script>' })
    assert.equal(before[0]?.field, 'displayName')
  })
})

describe('login rules', () => {
  it('asks for each missing field', () => {
    assert.deepEqual(
      loginFieldIssues({ email: ' ', password: '' }).map((i) => i.key),
      ['login.email.required', 'login.password.required'],
    )
    assert.deepEqual(loginFieldIssues({ email: 'a@b.fr', password: 'x' }), [])
  })

  it('keys the per-account limit by a hash of the lower-cased address', () => {
    assert.equal(loginAccountKey('Zoe@Exemple.fr'), loginAccountKey('zoe@exemple.fr'))
    assert.doesNotMatch(loginAccountKey('zoe@exemple.fr'), /zoe/)
  })
})

describe('email links', () => {
  it('expire after an hour for a reset and a day for an address', () => {
    assert.equal(TOKEN_LIFETIMES_MS.reset, 3_600_000)
    assert.equal(TOKEN_LIFETIMES_MS.verify, 86_400_000)
    assert.equal(TOKEN_LIFETIMES_MS['email-change'], 86_400_000)
  })

  it('are 43 URL-safe characters; anything else is not looked up', () => {
    assert.ok(isTokenShaped('a'.repeat(43)))
    assert.ok(!isTokenShaped('a'.repeat(42)))
    assert.ok(!isTokenShaped(`${'a'.repeat(42)}/`))
    assert.ok(!isTokenShaped(undefined))
  })
})
