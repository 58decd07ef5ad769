import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { makeActor } from '../../../test/helpers/actors.ts'
import { type Actor, can, permissionsOf } from './actor.ts'

const base: Actor = makeActor()

describe('permissions of an actor', () => {
  it('gives visitors public pages only', () => {
    assert.deepEqual([...permissionsOf(null)], ['public'])
  })

  it('lets unverified accounts read but not post', () => {
    assert.ok(can({ ...base, verified: false }, 'session'))
    assert.ok(!can({ ...base, verified: false }, 'verified'))
    assert.ok(can(base, 'verified'))
  })

  it('gives a suspended account nothing', () => {
    assert.deepEqual(
      [...permissionsOf({ ...base, status: 'suspended', roles: ['administrator'], secondFactor: true })],
      ['public'],
    )
  })

  it('grants staff powers only once the second factor is given in this session', () => {
    const admin = { ...base, roles: ['administrator' as const] }
    assert.ok(!can(admin, 'account:manage'))
    assert.ok(can({ ...admin, secondFactor: true }, 'account:manage'))
    assert.ok(!can({ ...base, roles: ['moderator'], secondFactor: true }, 'account:manage'))
  })

  it('never grants staff powers to an API token', () => {
    const viaToken = {
      ...base,
      roles: ['administrator' as const],
      secondFactor: true,
      via: { kind: 'token' as const, tokenId: 't', scopes: [] },
    }
    assert.ok(!can(viaToken, 'account:manage'))
    assert.ok(can(viaToken, 'session'))
  })
})
