import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { batchRows, type CampaignWorld, campaignWorld, makerRows } from '../../../test/helpers/campaigns.ts'

describe('campaigns API: public reads, a maker’s capacity and batches, the ledger for those who run it', () => {
  let t: TestApp
  let w: CampaignWorld
  let makerToken: string
  let readToken: string
  let managerToken: string
  let memberToken: string
  const as = (token: string) => ({ host: w.host, token })
  const today = () => t.clock.now().toISOString().slice(0, 10)

  before(async () => {
    t = await buildTestApp()
    w = await campaignWorld(t)
    makerToken = await makeAccessToken(t, w.calvados, w.maker.id, ['campaigns:read', 'campaigns:write'])
    readToken = await makeAccessToken(t, w.calvados, w.maker.id, ['campaigns:read'])
    managerToken = await makeAccessToken(t, w.calvados, w.orgManager.id, [
      'campaigns:read',
      'campaigns:write',
    ])
    memberToken = await makeAccessToken(t, w.calvados, w.orgMember.id, ['campaigns:read'])
  })
  after(() => t.close())

  it('lists open campaigns, reads one with its points and its progress, without signing in', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: w.host } })
    const list = (await get('/api/v1/campaigns')).json()
    assert.deepEqual(
      list.map((c: { id: string }) => c.id),
      [w.campaignId],
    )
    const one = (await get(`/api/v1/campaigns/${w.campaignId}`)).json()
    assert.equal(one.points.length, 3)
    assert.deepEqual(one.points[2].commune, { insee: '14366', name: 'Lisieux' })
    assert.equal(one.made, 0)
    const progress = (await get(`/api/v1/campaigns/${w.campaignId}/progress`)).json()
    assert.deepEqual(progress, { made: 0, distributed: 0, openRequests: 0, communes: [] })
    assert.equal((await get('/api/v1/campaigns/pas-un-id')).statusCode, 404)
  })

  it('declares capacity and records a batch with campaigns:write; a read-only token may not', async () => {
    const path = `/api/v1/campaigns/${w.campaignId}`
    const readOnly = await callApi(t, as(readToken), 'PUT', `${path}/capacity`, { weeklyCapacity: 10 })
    assert.equal(readOnly.statusCode, 403)
    const put = await callApi(t, as(makerToken), 'PUT', `${path}/capacity`, {
      weeklyCapacity: 80,
      stockHeld: '12',
    })
    assert.equal(put.statusCode, 200, put.body)
    assert.deepEqual([put.json().weeklyCapacity, put.json().stockHeld, put.json().kind], [80, 12, 'person'])
    const batch = await callApi(t, as(makerToken), 'POST', `${path}/batches`, {
      quantity: 25,
      pointId: w.pointIds[1],
      handedOn: today(),
    })
    assert.equal(batch.statusCode, 201, batch.body)
    assert.equal(batch.json().status, 'declared')
    const mine = await callApi(t, as(readToken), 'GET', '/api/v1/me/campaign-participations')
    assert.equal(mine.json()[0].batches[0].quantity, 25)
  })

  it('answers bad quantities with French problems naming the field, writing nothing', async () => {
    const before = (await makerRows(t, w.campaignId))[0]
    for (const weeklyCapacity of [0, -1, 1.5, 1_000_000, '1e6', 'dix', '<script>']) {
      const res = await callApi(t, as(makerToken), 'PUT', `/api/v1/campaigns/${w.campaignId}/capacity`, {
        weeklyCapacity,
      })
      assert.equal(res.statusCode, 400, String(weeklyCapacity))
      assert.match(res.body, /weeklyCapacity/)
    }
    const distribution = await callApi(
      t,
      as(makerToken),
      'POST',
      `/api/v1/campaigns/${w.campaignId}/batches`,
      {
        quantity: 3,
        pointId: w.pointIds[2],
        handedOn: today(),
      },
    )
    assert.equal(distribution.statusCode, 400)
    assert.match(distribution.body, /Choisissez un point de collecte/)
    assert.deepEqual((await makerRows(t, w.campaignId))[0], before)
    assert.equal((await batchRows(t, w.campaignId)).length, 1)
  })

  it('gives the ledger to the delegated organisation’s manager only; staff powers never come with a token', async () => {
    const path = `/api/v1/campaigns/${w.campaignId}/ledger`
    const manager = await callApi(t, as(managerToken), 'GET', path)
    assert.equal(manager.statusCode, 200, manager.body)
    assert.deepEqual(manager.json(), [])
    assert.equal((await callApi(t, as(memberToken), 'GET', path)).statusCode, 404)
    assert.equal((await callApi(t, as(readToken), 'GET', path)).statusCode, 404)
    const staffToken = await makeAccessToken(t, w.calvados, w.staff.id, ['campaigns:read'])
    assert.equal((await callApi(t, as(staffToken), 'GET', path)).statusCode, 404)
    const anonymous = await t.app.inject({ method: 'GET', url: path, headers: { host: w.host } })
    assert.equal(anonymous.statusCode, 401)
  })
})
