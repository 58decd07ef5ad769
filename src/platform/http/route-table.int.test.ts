import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeActor } from '../../../test/helpers/actors.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import type { Actor } from '../auth/actor.ts'
import { staffOnly } from '../auth/permissions.ts'
import { decide } from '../auth/policy.ts'
import { tokenScopes } from '../auth/scopes.ts'

const admin: Actor = makeActor({ roles: ['administrator'], hasTotp: true })
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
    t = await buildTestApp({ PUBLIC_URL: 'https://entraide.calvados.test' })
  })
  after(() => t.close())

  const api = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD')

  it('gives every API route a token scope, but for public ones and the few kept for the browser', () => {
    assert.ok(api().length > 30)
    // Staff API routes answer the staff member's own session only: a token never carries staff powers.
    const refusing = api().filter(
      (r) => r.scope === null && r.permission !== 'public' && !staffOnly.has(r.permission),
    )
    for (const route of api().filter((r) => staffOnly.has(r.permission)))
      assert.ok(!decide(everyScope, route).allowed, `${route.method} ${route.url}`)
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

  it('publishes in the OpenAPI document what each API route declares', async () => {
    type Operation = {
      operationId?: string
      security?: Record<string, string[]>[]
      responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>
    }
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      servers: { url: string }[]
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> }
      paths: Record<string, Record<string, Operation>>
    }
    assert.deepEqual(doc.servers, [{ url: 'https://entraide.calvados.test' }])
    assert.deepEqual(doc.components.securitySchemes.bearer?.type, 'http')
    assert.deepEqual(doc.components.securitySchemes.bearer?.scheme, 'bearer')
    const ids = new Set<string>()
    for (const route of api()) {
      const path = route.url.replace(/:(\w+)/g, '{$1}')
      const op = doc.paths[path]?.[route.method.toLowerCase()]
      const name = `${route.method} ${route.url}`
      assert.ok(op, name)
      assert.match(op.operationId ?? '', /^[a-z][A-Za-z]+$/, name)
      assert.ok(!ids.has(op.operationId!), `${name}: operationId used twice`)
      ids.add(op.operationId!)
      const bearer = op.security?.find((s) => s.bearer)?.bearer
      assert.deepEqual(bearer, route.scope === null ? undefined : [route.scope], name)
      if (route.permission === 'public' && route.scope === null) assert.deepEqual(op.security, [], name)
      const problems = Object.keys(op.responses).filter((s) => s.startsWith('4'))
      assert.ok(problems.includes('404'), `${name}: another host is not found`)
      if (route.permission !== 'public') assert.ok(problems.includes('401') && problems.includes('403'), name)
      for (const status of problems)
        assert.equal(
          op.responses[status]?.content?.['application/problem+json']?.schema.$ref,
          '#/components/schemas/Problem',
          `${name} ${status}`,
        )
    }
  })
})
