import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import type { Actor } from '../auth/actor.ts'
import { staffOnly } from '../auth/permissions.ts'
import { decide } from '../auth/policy.ts'
import { tokenScopes } from '../auth/scopes.ts'

const admin: Actor = {
  accountId: 'a',
  displayName: 'Zoé',
  email: 'zoe@exemple.test',
  verified: true,
  status: 'active',
  locale: 'fr',
  easyRead: false,
  roles: ['administrator'],
  secondFactor: false,
  hasTotp: true,
  via: { kind: 'session', idHash: 'h' },
}
const everyScope: Actor = {
  ...admin,
  secondFactor: true,
  via: { kind: 'token', tokenId: 't', scopes: [...tokenScopes] },
}

/** What an application must never do with a token: manage the tokens and sessions themselves. */
const sessionOnlyApi = ['DELETE /api/v1/me/tokens/:id', 'GET /api/v1/me/tokens', 'POST /api/v1/me/tokens']

describe('the route table', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
  })
  after(() => t.close())

  const api = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD')

  it('gives every API route a token scope, but for public ones and the few kept for the browser', () => {
    assert.ok(api().length > 30)
    const refusing = api().filter((r) => r.scope === null && r.permission !== 'public')
    assert.deepEqual(refusing.map((r) => `${r.method} ${r.url}`).sort(), sessionOnlyApi)
    for (const route of refusing) {
      const verdict = decide(everyScope, route)
      assert.ok(!verdict.allowed && verdict.reason === 'session-required', `${route.method} ${route.url}`)
    }
    for (const route of api().filter((r) => r.scope !== null)) {
      const only = { ...everyScope, via: { kind: 'token' as const, tokenId: 't', scopes: [route.scope!] } }
      const without = {
        ...everyScope,
        via: { kind: 'token' as const, tokenId: 't', scopes: tokenScopes.filter((s) => s !== route.scope) },
      }
      assert.ok(decide(only, route).allowed, `${route.method} ${route.url} with ${route.scope}`)
      assert.deepEqual(decide(without, route), { allowed: false, status: 403, reason: 'insufficient-scope' })
    }
  })

  it('never lets a token reach a page: tokens are read on the API only', () => {
    const pages = t.app.routeTable.filter((r) => !r.url.startsWith('/api/'))
    assert.ok(pages.length > 30)
    for (const route of pages) assert.equal(route.scope, null, `${route.method} ${route.url}`)
  })

  it('asks the second factor on every staff route, and refuses tokens there', () => {
    const staff = t.app.routeTable.filter((r) => staffOnly.has(r.permission))
    assert.ok(staff.length > 10)
    for (const route of staff) {
      const name = `${route.method} ${route.url}`
      assert.deepEqual(
        decide(admin, route),
        { allowed: false, status: 403, reason: 'second-factor-required' },
        name,
      )
      assert.ok(decide({ ...admin, secondFactor: true }, route).allowed, name)
      assert.ok(!decide(everyScope, route).allowed, name)
    }
  })

  // Each way a declaration can be wrong is in policy.test.ts; here, that the app applies the check.
  it('refuses to start with a route that declares no scope', async () => {
    const message = await buildTestApp({}, (app) => {
      app.get('/api/v1/essai', { config: { permission: 'session' } }, async () => 'ouvert')
    }).then(
      async (x) => {
        await x.close()
        return 'built'
      },
      (e: Error) => e.message,
    )
    assert.match(message, /GET \/api\/v1\/essai declares no scope/)
  })
})
