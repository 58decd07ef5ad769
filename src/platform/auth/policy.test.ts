import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { makeActor } from '../../../test/helpers/actors.ts'
import type { Actor } from './actor.ts'
import { accessProblem, decide, type RouteAccess } from './policy.ts'

const resident: Actor = makeActor()
const token = (scopes: string[], over: Partial<Actor> = {}): Actor => ({
  ...resident,
  ...over,
  via: { kind: 'token', tokenId: 't', scopes },
})
const reason = (actor: Actor | null, access: RouteAccess) => {
  const verdict = decide(actor, access)
  return verdict.allowed ? 'allowed' : `${verdict.status} ${verdict.reason}`
}

describe('the access policy', () => {
  it('asks a visitor to sign in, and lets anyone read public routes', () => {
    assert.equal(
      reason(null, { permission: 'session', scope: 'profile:read' }),
      '401 authentication-required',
    )
    assert.equal(reason(null, { permission: 'public', scope: null }), 'allowed')
    assert.equal(reason(null, { permission: 'public', scope: 'listings:read' }), 'allowed')
  })

  it('gives a browser session every scope, and a token only those it carries', () => {
    const write = { permission: 'session', scope: 'profile:write' } as const
    assert.equal(reason(resident, write), 'allowed')
    assert.equal(reason(token(['profile:read']), write), '403 insufficient-scope')
    assert.equal(reason(token(['profile:read', 'profile:write']), write), 'allowed')
  })

  it('refuses every token on a session-only route, whatever its scopes', () => {
    const sessionOnly = { permission: 'session', scope: null } as const
    assert.equal(reason(resident, sessionOnly), 'allowed')
    assert.equal(
      reason(token(['profile:read', 'profile:write', 'listings:read', 'listings:write']), sessionOnly),
      '403 session-required',
    )
  })

  it('checks the scope of a token that acts on a public route, not of a visitor', () => {
    const search = { permission: 'public', scope: 'listings:read' } as const
    assert.equal(reason(token(['profile:read']), search), '403 insufficient-scope')
    assert.equal(reason(token(['listings:read']), search), 'allowed')
    assert.equal(reason(token([]), { permission: 'public', scope: null }), 'allowed')
  })

  it('asks an unverified account to verify before posting, by browser or token', () => {
    const post = { permission: 'verified', scope: 'listings:write' } as const
    assert.equal(reason({ ...resident, verified: false }, post), '403 verification-required')
    assert.equal(reason(token(['listings:write'], { verified: false }), post), '403 verification-required')
  })

  it('asks staff for the second factor, and never lets a token use a staff power', () => {
    const manage = { permission: 'account:manage', scope: null } as const
    const admin = { ...resident, roles: ['administrator' as const] }
    assert.equal(reason(admin, manage), '403 second-factor-required')
    assert.equal(reason({ ...admin, secondFactor: true }, manage), 'allowed')
    assert.equal(reason({ ...resident, secondFactor: true }, manage), '403 forbidden')
    assert.equal(reason(token([], { roles: ['administrator'], secondFactor: true }), manage), '403 forbidden')
  })

  it('gives a suspended account nothing beyond public routes', () => {
    const suspended = { ...resident, status: 'suspended' as const }
    assert.equal(reason(suspended, { permission: 'session', scope: null }), '403 forbidden')
    assert.equal(reason(suspended, { permission: 'public', scope: null }), 'allowed')
  })

  it('finds what is wrong in a route declaration', () => {
    assert.equal(accessProblem({ permission: 'session', scope: 'profile:read' }), null)
    assert.equal(accessProblem({ permission: 'public', scope: null }), null)
    assert.match(accessProblem({ scope: null }) ?? '', /no valid permission/)
    assert.match(accessProblem({ permission: 'everyone', scope: null }) ?? '', /no valid permission/)
    assert.match(accessProblem({ permission: 'session' }) ?? '', /declares no scope/)
    assert.match(accessProblem({ permission: 'session', scope: 'admin:all' }) ?? '', /unknown scope/)
    assert.match(accessProblem({ permission: 'audit:read', scope: 'profile:read' }) ?? '', /staff route/)
  })
})
