import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeCategory } from '../../../test/helpers/listings.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import type { Category } from '../categories/index.ts'
import { listByAuthor } from './listing.repository.ts'

describe('listings through the API with a personal access token', () => {
  const host = 'api.entraide.test'
  let t: TestApp
  let territory: Territory
  let category: Category
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services, { hostnames: [host] })
    category = await makeCategory(t, territory)
  })
  after(() => t.close())

  const tokenFor = (accountId: string, scopes: string[]) => makeAccessToken(t, territory, accountId, scopes)

  const post = (token: string) =>
    callApi(t, { host, token }, 'POST', '/api/v1/listings', {
      kind: 'ask',
      categoryId: category.id,
      title: 'Courses du samedi',
      description: 'Besoin d’aide pour porter les courses.',
      communeInsee: '14118',
      whenKind: 'flexible',
      urgency: 'week',
      charter: true,
    })

  it('posts only with the « listings:write » scope, and lists only with « listings:read »', async () => {
    const account = await makeAccount(t, territory)
    const readOnly = await tokenFor(account.id, ['profile:read'])
    assert.equal((await post(readOnly)).statusCode, 403)
    assert.equal((await listByAuthor(t.db.db, territory.id, account.id)).length, 0, 'nothing written')
    const writer = await tokenFor(account.id, ['listings:write'])
    const created = await post(writer)
    assert.equal(created.statusCode, 201, created.body)
    const mine = (token: string) => callApi(t, { host, token }, 'GET', '/api/v1/me/listings')
    assert.equal((await mine(writer)).statusCode, 403)
    const reader = await tokenFor(account.id, ['listings:read'])
    const list = await mine(reader)
    assert.equal(list.statusCode, 200)
    assert.equal(JSON.stringify(list.json()).includes('Courses du samedi'), true)
  })
})
