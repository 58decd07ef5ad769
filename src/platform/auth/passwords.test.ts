import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { argon2Options, hashPassword, passwordProblem, verifyPassword } from './passwords.ts'

/** Runs `fn` as a process started with this NODE_ENV would (hashPassword reads it at each call). */
async function withNodeEnv<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_ENV
  if (value === undefined) delete process.env.NODE_ENV
  else process.env.NODE_ENV = value
  try {
    return await fn()
  } finally {
    process.env.NODE_ENV = before
  }
}

describe('passwords', () => {
  it('hashes with Argon2id at the strong cost outside tests, and verifies', async () => {
    for (const env of ['production', 'development', undefined]) {
      assert.deepEqual(argon2Options(env), { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 })
    }
    const stored = await withNodeEnv('production', () => hashPassword('une phrase de passe assez longue'))
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    assert.equal(await verifyPassword(stored, 'une phrase de passe assez longue'), true)
    assert.equal(await verifyPassword(stored, 'une phrase de passe assez longuE'), false)
    assert.equal(await verifyPassword(null, 'x'), false)
    assert.equal(await verifyPassword('not a hash', 'x'), false)
  })

  it('hashes at the smallest cost only under NODE_ENV=test, and reads hashes of either cost', async () => {
    const cheap = await withNodeEnv('test', () => hashPassword('une phrase de passe assez longue'))
    assert.match(cheap, /^\$argon2id\$v=19\$m=8,t=1,p=1\$/)
    const strong = await withNodeEnv('production', () => hashPassword('une phrase de passe assez longue'))
    await withNodeEnv('test', async () => {
      assert.equal(await verifyPassword(strong, 'une phrase de passe assez longue'), true)
      assert.equal(await verifyPassword(cheap, 'une phrase de passe assez longue'), true)
      assert.equal(await verifyPassword(cheap, 'une autre phrase de passe'), false)
    })
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
