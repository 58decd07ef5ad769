import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  type DemandWorld,
  demandWorld,
  receive,
  requestRow,
  requestRows,
} from '../../../test/helpers/demand.ts'

describe('requests API: the same rules as the pages, with token scopes', () => {
  let t: TestApp
  let w: DemandWorld
  let carerToken: string
  let readOnlyToken: string
  let neighbourToken: string
  let delegateToken: string
  const as = (token: string) => ({ host: w.host, token })
  const body = (overrides: object = {}) => ({
    quantity: 25,
    requesterKind: 'pharmacy',
    priority: 'front-line',
    pointId: w.caen,
    communeInsee: '14118',
    note: 'Officine du centre',
    ...overrides,
  })

  before(async () => {
    t = await buildTestApp()
    w = await demandWorld(t)
    carerToken = await makeAccessToken(t, w.calvados, w.carer.id, ['campaigns:read', 'campaigns:write'])
    readOnlyToken = await makeAccessToken(t, w.calvados, w.carer.id, ['campaigns:read'])
    neighbourToken = await makeAccessToken(t, w.calvados, w.neighbour.id, [
      'campaigns:read',
      'campaigns:write',
    ])
    delegateToken = await makeAccessToken(t, w.calvados, w.delegate.id, ['campaigns:read'])
  })
  after(() => t.close())

  it('takes a request, lists it with its allocation once applied, and lets the delegated organisation read them', async () => {
    const created = await callApi(
      t,
      as(carerToken),
      'POST',
      `/api/v1/campaigns/${w.campaignId}/requests`,
      body(),
    )
    assert.equal(created.statusCode, 201, created.body)
    const request = created.json()
    assert.deepEqual([request.quantity, request.priority, request.status], [25, 'front-line', 'open'])
    await receive(t, w, w.caen, 30)
    const staffClient = await w.staff()
    await staffClient.post(`/collectes/${w.campaignId}/gestion/repartition/proposer`, {})
    const proposal = (await staffClient.get(`/collectes/${w.campaignId}/gestion/repartition`)).body
    const id = /repartition\/([0-9a-f-]{36})\/appliquer/.exec(proposal)![1]
    await staffClient.post(`/collectes/${w.campaignId}/gestion/repartition/${id}/appliquer`, {
      collectFrom: '',
    })

    const mine = await callApi(t, as(readOnlyToken), 'GET', '/api/v1/me/supply-requests')
    assert.equal(mine.statusCode, 200)
    const [listed] = mine.json()
    assert.equal(listed.id, request.id)
    assert.equal(listed.status, 'allocated')
    assert.deepEqual(
      listed.allocations.map((a: { quantity: number; point: { name: string; hours: string } }) => [
        a.quantity,
        a.point.name,
        a.point.hours,
      ]),
      [[25, 'CCAS de Caen', 'du lundi au vendredi, 9 h – 12 h']],
    )
    const byDelegate = await callApi(
      t,
      as(delegateToken),
      'GET',
      `/api/v1/campaigns/${w.campaignId}/requests`,
    )
    assert.equal(byDelegate.statusCode, 200)
    assert.equal(byDelegate.json()[0].id, request.id)
    assert.equal(
      (await callApi(t, as(carerToken), 'GET', `/api/v1/campaigns/${w.campaignId}/requests`)).statusCode,
      404,
    )
  })

  it('refuses a write with a read-only token, and whole numbers only from 1 to 999,999', async () => {
    const readOnly = await callApi(
      t,
      as(readOnlyToken),
      'POST',
      `/api/v1/campaigns/${w.campaignId}/requests`,
      body(),
    )
    assert.equal(readOnly.statusCode, 403)
    const before = (await requestRows(t, w.campaignId)).length
    for (const quantity of [0, -1, 1.5, 1_000_000, '12,5', 'dix', '0x41', '1e3']) {
      const res = await callApi(
        t,
        as(carerToken),
        'POST',
        `/api/v1/campaigns/${w.campaignId}/requests`,
        body({ quantity }),
      )
      assert.equal(res.statusCode, 400, JSON.stringify(quantity))
      const problem = res.json()
      assert.ok(
        problem.errors?.some((e: { pointer: string; detail: string }) => e.pointer === '/quantity'),
        JSON.stringify(problem),
      )
    }
    const bad = await callApi(
      t,
      as(carerToken),
      'POST',
      `/api/v1/campaigns/${w.campaignId}/requests`,
      body({ quantity: 0, pointId: w.lisieux, communeInsee: '50502' }),
    )
    assert.deepEqual(
      bad.json().errors.map((e: { pointer: string; detail: string }) => [e.pointer, e.detail]),
      [
        ['/quantity', 'La quantité doit être d’au moins 1'],
        ['/communeInsee', 'Indiquez une commune du Calvados'],
        ['/pointId', 'Choisissez un point de distribution de la collecte'],
      ],
    )
    assert.equal((await requestRows(t, w.campaignId)).length, before)
  })

  it('cancels one’s own open request; another’s is not found', async () => {
    const created = (
      await callApi(
        t,
        as(neighbourToken),
        'POST',
        `/api/v1/campaigns/${w.campaignId}/requests`,
        body({ priority: 'general', requesterKind: 'person' }),
      )
    ).json()
    assert.equal(
      (await callApi(t, as(carerToken), 'DELETE', `/api/v1/me/supply-requests/${created.id}`)).statusCode,
      404,
    )
    assert.equal(
      (await callApi(t, as(neighbourToken), 'DELETE', `/api/v1/me/supply-requests/${created.id}`)).statusCode,
      204,
    )
    assert.equal((await requestRow(t, created.id)).status, 'cancelled')
    const others = (await callApi(t, as(carerToken), 'GET', '/api/v1/me/supply-requests')).json()
    assert.ok(others.every((r: { id: string }) => r.id !== created.id))
  })
})
