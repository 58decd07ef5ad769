import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { describeDevice } from './session-store.ts'

describe('sessions kept in the database', () => {
  let t: TestApp
  let territoryId: string
  let otherTerritoryId: string
  let accountId: string
  before(async () => {
    t = await buildTestApp()
    const territory = await makeTerritory(t.app.services)
    territoryId = territory.id
    otherTerritoryId = (await makeTerritory(t.app.services, { departements: ['50'] })).id
    accountId = (await makeAccount(t, territory)).id
  })
  after(() => t.close())

  it('keeps only a hash of the cookie, and finds the session from the cookie on its territory only', async () => {
    const { sessions } = t.app.services
    const { token, row } = await sessions.start({
      accountId,
      territoryId,
      kind: 'resident',
      device: 'Firefox / Android',
    })
    assert.notEqual(row.idHash, token)
    assert.equal((await sessions.resume(token, territoryId))?.accountId, accountId)
    assert.equal(await sessions.resume(token, otherTerritoryId), null)
    assert.equal(await sessions.resume('not-a-token', territoryId), null)
  })

  it('ends a resident session after 14 idle days, and any session after 30 days', async () => {
    const { sessions } = t.app.services
    const { token } = await sessions.start({ accountId, territoryId, kind: 'resident', device: 'x' })
    t.clock.advance('13 days')
    assert.ok(await sessions.resume(token, territoryId), 'used again within 14 days')
    t.clock.advance('13 days')
    assert.ok(await sessions.resume(token, territoryId), 'idle time counts from the last use')
    t.clock.advance('5 days')
    assert.equal(await sessions.resume(token, territoryId), null, 'absolute lifetime of 30 days')
    const idle = await sessions.start({ accountId, territoryId, kind: 'resident', device: 'x' })
    t.clock.advance('15 days')
    assert.equal(await sessions.resume(idle.token, territoryId), null)
  })

  it('gives staff sessions 30 idle minutes and 12 hours at most', async () => {
    const { sessions } = t.app.services
    const { token } = await sessions.start({ accountId, territoryId, kind: 'staff', device: 'x' })
    t.clock.advance('29 minutes')
    assert.ok(await sessions.resume(token, territoryId))
    t.clock.advance('31 minutes')
    assert.equal(await sessions.resume(token, territoryId), null)
    const long = await sessions.start({ accountId, territoryId, kind: 'staff', device: 'x' })
    for (let i = 0; i < 25; i++) {
      t.clock.advance('29 minutes')
      await sessions.resume(long.token, territoryId)
    }
    assert.equal(
      await sessions.resume(long.token, territoryId),
      null,
      'ended after 12 hours even when active',
    )
  })

  it('rotates the id: the old cookie stops working, the new one carries the second factor', async () => {
    const { sessions } = t.app.services
    const first = await sessions.start({ accountId, territoryId, kind: 'staff', device: 'x' })
    const second = await sessions.rotate(first.row, { secondFactor: true })
    assert.equal(await sessions.resume(first.token, territoryId), null)
    assert.equal((await sessions.resume(second.token, territoryId))?.secondFactor, true)
  })

  it('ends every session of an account but the current one', async () => {
    const { sessions } = t.app.services
    const keep = await sessions.start({ accountId, territoryId, kind: 'resident', device: 'x' })
    const other = await sessions.start({ accountId, territoryId, kind: 'resident', device: 'y' })
    await sessions.endAll(accountId, { except: keep.row.idHash })
    assert.ok(await sessions.resume(keep.token, territoryId))
    assert.equal(await sessions.resume(other.token, territoryId), null)
    await sessions.endAll(accountId)
    assert.equal(await sessions.resume(keep.token, territoryId), null)
  })

  it('describes devices without keeping the user agent', () => {
    assert.equal(
      describeDevice(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      ),
      'Chrome / Android',
    )
    assert.equal(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1',
      ),
      'Safari / iOS',
    )
    assert.equal(describeDevice(undefined), '? / ?')
  })
})
