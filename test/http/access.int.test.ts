import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { count, eq } from 'drizzle-orm'
import { accessTokens, accounts } from '../../src/domains/accounts/identity/account.schema.ts'
import { listings } from '../../src/domains/listings/listing.schema.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'
import { Client, makeAccount } from '../helpers/accounts.ts'
import { callApi, makeAccessToken } from '../helpers/api.ts'
import { buildTestApp, type TestApp } from '../helpers/app.ts'
import { makeTerritory } from '../helpers/factories.ts'
import { makeCategory } from '../helpers/listings.ts'

describe('access declared by each route, enforced before its handler', () => {
  let t: TestApp
  let calvados: Territory
  let host: string
  let handled = 0
  before(async () => {
    t = await buildTestApp({}, (app) => {
      // A route whose handler checks nothing, as one whose service forgot to: the declaration holds.
      app.post(
        '/api/v1/essai/ecrire',
        { config: { permission: 'session', scope: 'listings:write' } },
        async () => {
          handled += 1
          return { ok: true }
        },
      )
    })
    calvados = await makeTerritory(t.app.services)
    host = calvados.hostnames[0]!
  })
  after(() => t.close())

  const reader = async () => {
    const account = await makeAccount(t, calvados, { displayName: 'Zoé' })
    return { account, token: await makeAccessToken(t, calvados, account.id, ['profile:read']) }
  }

  it('refuses a read-only token on a write route with insufficient-scope, and changes nothing', async () => {
    const { account, token } = await reader()
    const patch = await callApi(t, { host, token }, 'PATCH', '/api/v1/me', { displayName: 'Mallory' })
    assert.equal(patch.statusCode, 403)
    assert.match(String(patch.headers['content-type']), /^application\/problem\+json/)
    assert.equal(patch.json().detail, 'insufficient-scope')
    const [row] = await t.db.db.select().from(accounts).where(eq(accounts.id, account.id))
    assert.equal(row?.displayName, 'Zoé')

    const category = await makeCategory(t, calvados)
    const post = await callApi(t, { host, token }, 'POST', '/api/v1/listings', {
      kind: 'ask',
      categoryId: category.id,
      title: 'Courses pour ma voisine',
      description: 'Le mardi matin, au marché.',
      communeInsee: '14118',
      charter: true,
    })
    assert.equal(post.statusCode, 403)
    assert.equal(post.json().detail, 'insufficient-scope')
    const [listed] = await t.db.db
      .select({ n: count() })
      .from(listings)
      .where(eq(listings.authorId, account.id))
    assert.equal(listed?.n, 0)

    assert.equal((await callApi(t, { host, token }, 'GET', '/api/v1/me')).statusCode, 200, 'its own scope')
  })

  it('stops a token before a handler that checks nothing itself', async () => {
    const { token } = await reader()
    const res = await callApi(t, { host, token }, 'POST', '/api/v1/essai/ecrire', {})
    assert.equal(res.statusCode, 403)
    assert.equal(res.json().detail, 'insufficient-scope')
    assert.equal(handled, 0)
  })

  it('refuses any token on a session-only route, whatever its scopes', async () => {
    const account = await makeAccount(t, calvados)
    const token = await makeAccessToken(t, calvados, account.id, [
      'profile:read',
      'profile:write',
      'listings:read',
      'listings:write',
    ])
    const res = await callApi(t, { host, token }, 'POST', '/api/v1/me/tokens', {
      name: 'un autre',
      scopes: ['profile:read'],
    })
    assert.equal(res.statusCode, 403)
    assert.equal(res.json().detail, 'session-required')
    const rows = await t.db.db.select().from(accessTokens).where(eq(accessTokens.accountId, account.id))
    assert.equal(rows.length, 1, 'no token minted')
  })

  it('still sends a visitor to sign in, and staff to their second factor, then back', async () => {
    const visitor = await new Client(t, host).get('/compte')
    assert.equal(visitor.statusCode, 303)
    assert.equal(visitor.headers.location, '/connexion?retour=%2Fcompte')
    const admin = await makeAccount(t, calvados, { roles: ['administrator'], totpEnabledAt: t.clock.now() })
    const staff = await new Client(t, host).signInDirectly(admin, { staff: true })
    const res = await staff.get('/administration')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/connexion/second-facteur?retour=%2Fadministration')
  })
})
