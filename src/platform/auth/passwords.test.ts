import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts'

describe('passwords', () => {
  it('hashes with Argon2id and verifies', async () => {
    const stored = await hashPassword('une phrase de passe assez longue')
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    assert.equal(await verifyPassword(stored, 'une phrase de passe assez longue'), true)
    assert.equal(await verifyPassword(stored, 'une phrase de passe assez longuE'), false)
    assert.equal(await verifyPassword(null, 'x'), false)
    assert.equal(await verifyPassword('not a hash', 'x'), false)
  })

  it('asks for 12 to 128 characters, with no composition rule', async () => {
    assert.equal((await passwordProblem('court'))?.key, 'password.tooShort')
    assert.equal((await passwordProblem('x'.repeat(129)))?.key, 'password.tooLong')
    assert.equal(await passwordProblem('les poules du jardin chantent'), null, 'lower-case words are fine')
    assert.equal(
      await passwordProblem(`${'ma maison bleue au bord de la mer '.repeat(3)}`.slice(0, 128)),
      null,
    )
  })

  it('refuses guessable passwords with a reason', async () => {
    assert.ok(
      ['password.common', 'password.pattern', 'password.weak'].includes(
        (await passwordProblem('motdepasse123'))!.key,
      ),
    )
    assert.ok(
      ['password.pattern', 'password.weak', 'password.common'].includes(
        (await passwordProblem('azertyuiop123'))!.key,
      ),
    )
    assert.ok((await passwordProblem('aaaaaaaaaaaaaaaa')) !== null)
    assert.equal(
      (await passwordProblem('jeanne.martin1950', ['jeanne.martin@exemple.fr', 'Jeanne Martin']))?.key,
      'password.personal',
    )
  })
})
