import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { sha256 } from '../../../platform/auth/secrets.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { EmailTokens } from './email-tokens.ts'

describe('single-use email links', () => {
  let t: TestApp
  let territory: Territory
  let tokens: EmailTokens
  let accountId: string

  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
    tokens = new EmailTokens(t.db, t.clock, t.app.services.ids)
    accountId = (await makeAccount(t, territory)).id
  })
  after(() => t.close())

  const issue = (purpose: 'verify' | 'reset' = 'reset') =>
    tokens.issue({ purpose, territoryId: territory.id, accountId, email: 'zoe@exemple.fr' })

  it('stores only the hash of a 256-bit token', async () => {
    const token = await issue()
    assert.match(token, /^[\w-]{43}$/)
    const rows = await t.db.db.execute(sql`select token_hash from email_tokens`)
    const hashes = (rows as unknown as { rows: { token_hash: string }[] }).rows.map((r) => r.token_hash)
    assert.ok(hashes.includes(sha256(token)))
    assert.ok(!hashes.includes(token))
  })

  it('can be read without being used, then used once, even by two requests at the same moment', async () => {
    const token = await issue()
    assert.ok(await tokens.peek('reset', token, territory.id))
    assert.ok(await tokens.peek('reset', token, territory.id), 'peeking spends nothing')
    const results = await Promise.all([
      tokens.consume('reset', token, territory.id),
      tokens.consume('reset', token, territory.id),
    ])
    assert.equal(results.filter(Boolean).length, 1)
    assert.equal(await tokens.consume('reset', token, territory.id), null)
  })

  it('works only for its purpose and its platform', async () => {
    const token = await issue('verify')
    const other = await makeTerritory(t.app.services)
    assert.equal(await tokens.consume('reset', token, territory.id), null)
    assert.equal(await tokens.consume('verify', token, other.id), null)
    assert.ok(await tokens.consume('verify', token, territory.id))
  })

  it('expires: a reset link after one hour', async () => {
    const token = await issue()
    t.clock.advance('59 minutes')
    assert.ok(await tokens.peek('reset', token, territory.id))
    t.clock.advance('2 minutes')
    assert.equal(await tokens.consume('reset', token, territory.id), null)
  })

  it('voids the account’s unused links of one kind', async () => {
    const a = await issue()
    const b = await issue()
    const verify = await issue('verify')
    await tokens.voidAll(accountId, 'reset')
    assert.equal(await tokens.peek('reset', a, territory.id), null)
    assert.equal(await tokens.peek('reset', b, territory.id), null)
    assert.ok(await tokens.peek('verify', verify, territory.id))
  })
})
