import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import createClient from 'openapi-fetch'
import type { Territory } from '../src/platform/tenancy/territory.ts'
import type { paths } from './generated/api.d.ts'
import { Client, makeAccount } from './helpers/accounts.ts'
import { buildTestApp, type TestApp } from './helpers/app.ts'
import { makeTerritory } from './helpers/factories.ts'
import { makeCategory } from './helpers/listings.ts'

/**
 * The API as an application sees it: a client typed from the published OpenAPI document
 * (test/generated/api.d.ts), over a real port. If a route and its document part ways, either
 * this file stops compiling or a call below fails.
 */
describe('the API through a client generated from its OpenAPI document', () => {
  let t: TestApp
  let territory: Territory
  let baseUrl: string
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services, { hostnames: ['127.0.0.1'] })
    await makeCategory(t, territory, { slug: 'courses' })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
  })
  after(() => t.close())

  it('creates a token from the browser session, then reads, searches and posts with it', async () => {
    const account = await makeAccount(t, territory, { displayName: 'Zoé' })
    const browser = await new Client(t, '127.0.0.1').signInDirectly(account)
    const cookie = Object.entries(browser.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ')
    const web = createClient<paths>({ baseUrl, headers: { cookie, 'x-csrf-token': browser.csrfToken() } })
    const created = await web.POST('/api/v1/me/tokens', {
      body: { name: 'Application', scopes: ['profile:read', 'listings:read', 'listings:write'] },
    })
    assert.equal(created.response.status, 201, JSON.stringify(created.error))
    const token = created.data!.token

    const app = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } })
    const me = await app.GET('/api/v1/me')
    assert.equal(me.data?.displayName, 'Zoé')
    assert.equal(me.data?.commune.name, 'Caen')

    const refused = await app.PATCH('/api/v1/me', { body: { displayName: 'Mallory' } })
    assert.equal(refused.response.status, 403)
    assert.equal(refused.error?.detail, 'insufficient-scope')

    const categories = await app.GET('/api/v1/categories')
    const category = categories.data?.find((c) => c.slug === 'courses')
    assert.ok(category)
    const posted = await app.POST('/api/v1/listings', {
      body: {
        kind: 'ask',
        categoryId: category.id,
        title: 'Courses pour ma voisine',
        description: 'Porter les sacs du marché le mardi matin.',
        communeInsee: '14118',
        whenKind: 'flexible',
        urgency: 'week',
        charter: true,
      },
    })
    assert.equal(posted.response.status, 201, JSON.stringify(posted.error))
    assert.equal(posted.data?.status, 'published')
    assert.equal(posted.data?.own, true)

    const found = await app.GET('/api/v1/listings/search', { params: { query: { words: 'voisine' } } })
    assert.equal(found.response.status, 200, JSON.stringify(found.error))
    assert.deepEqual(
      found.data?.results.map((r) => r.title),
      ['Courses pour ma voisine'],
    )
  })
})
