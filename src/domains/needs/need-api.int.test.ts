import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { allNeeds, type NeedsWorld, needRow, needsWorld, pledgeRows } from '../../../test/helpers/needs.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)

const newNeed = (overrides: object = {}) => ({
  title: 'Lits de camp',
  description: 'Pour l’accueil d’urgence de cet hiver.',
  quantity: 10,
  unit: 'lits de camp',
  dropPoints: [
    { name: 'Gymnase', communeInsee: '14047', address: '1 rue du Stade', hours: 'le samedi, 9 h – 12 h' },
  ],
  ...overrides,
})

/** The whole need as PATCH takes it: drop points are changed elsewhere. */
function edited(overrides: object = {}) {
  const { dropPoints: _points, ...fields } = newNeed(overrides)
  return fields
}

describe('needs API: the same rules as the pages, with token scopes', () => {
  let t: TestApp
  let w: NeedsWorld
  let managerToken: string
  let readOnlyToken: string
  let pledgerToken: string
  let memberToken: string
  const as = (token: string) => ({ host: w.host, token })

  before(async () => {
    t = await buildTestApp()
    w = await needsWorld(t)
    managerToken = await makeAccessToken(t, w.calvados, w.manager.id, [
      'organisations:read',
      'organisations:write',
    ])
    readOnlyToken = await makeAccessToken(t, w.calvados, w.manager.id, ['organisations:read'])
    pledgerToken = await makeAccessToken(t, w.calvados, w.stranger.id, [
      'participation:write',
      'organisations:read',
    ])
    memberToken = await makeAccessToken(t, w.calvados, w.member.id, [
      'organisations:read',
      'organisations:write',
    ])
  })
  after(() => t.close())

  async function create(overrides: object = {}) {
    const res = await callApi(
      t,
      as(managerToken),
      'POST',
      `/api/v1/organisations/${w.orgId}/needs`,
      newNeed(overrides),
    )
    assert.equal(res.statusCode, 201, res.body)
    return res.json()
  }

  it('posts a need, reads it with its progress and drop points, and lists the organisation’s', async () => {
    const need = await create()
    assert.equal(need.status, 'open')
    assert.deepEqual(need.progress, { received: 0, pledged: 0, quantity: 10, remaining: 10 })
    assert.equal(need.dropPoints[0].commune.name, 'Bayeux')
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/needs/${need.id}`,
      headers: { host: w.host },
    })
    assert.equal(read.json().organisation.name, 'Banque alimentaire du Bessin')
    assert.equal(read.json().holdReasons, undefined)
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${w.orgId}/needs`,
      headers: { host: w.host },
    })
    assert.ok(list.json().some((n: { id: string }) => n.id === need.id))
    const held = await create({ description: 'Vendu 10 € le lit.' })
    assert.equal(held.status, 'held')
    assert.deepEqual(held.holdReasons, ['price', 'sale'])
  })

  it('refuses a read-only token, a member, another organisation’s manager and another territory', async () => {
    const before = (await allNeeds(t)).length
    const path = `/api/v1/organisations/${w.orgId}/needs`
    assert.equal((await callApi(t, as(readOnlyToken), 'POST', path, newNeed())).statusCode, 403)
    assert.equal((await callApi(t, as(memberToken), 'POST', path, newNeed())).statusCode, 404)
    const mancheToken = await makeAccessToken(t, w.manche, w.mancheManager.id, ['organisations:write'])
    const manche = { host: w.manche.hostnames[0]!, token: mancheToken }
    assert.equal((await callApi(t, manche, 'POST', path, newNeed())).statusCode, 404)
    assert.equal((await allNeeds(t)).length, before)
    const need = await create()
    const patch = await callApi(
      t,
      as(memberToken),
      'PATCH',
      `/api/v1/needs/${need.id}`,
      edited({ quantity: 1 }),
    )
    assert.equal(patch.statusCode, 404)
    assert.equal((await needRow(t, need.id))?.quantity, 10)
  })

  it('answers every bad quantity with a French error and writes nothing', async () => {
    const before = (await allNeeds(t)).length
    for (const quantity of [0, -1, 1_000_001, '12,5', 'dix', ...HOSTILE]) {
      const res = await callApi(
        t,
        as(managerToken),
        'POST',
        `/api/v1/organisations/${w.orgId}/needs`,
        newNeed({ quantity }),
      )
      assert.equal(res.statusCode, 400, JSON.stringify(quantity))
      const problem = res.json()
      assert.ok(
        problem.errors?.some((e: { pointer: string }) => e.pointer === '/quantity'),
        JSON.stringify(problem),
      )
    }
    const bad = await callApi(
      t,
      as(managerToken),
      'POST',
      `/api/v1/organisations/${w.orgId}/needs`,
      newNeed({ quantity: 0, dropPoints: [{ name: '', communeInsee: '14047', address: 'x', hours: 'x' }] }),
    )
    assert.deepEqual(
      bad.json().errors.map((e: { pointer: string; detail: string }) => [e.pointer, e.detail]),
      [
        ['/quantity', 'La quantité doit être d’au moins 1'],
        ['/dropPoints/0/name', 'Indiquez le nom du lieu'],
      ],
    )
    assert.equal((await allNeeds(t)).length, before)
  })

  it('pledges within what remains, cancels, confirms receipt and lists one’s pledges', async () => {
    const need = await create()
    const pledgePath = `/api/v1/needs/${need.id}/pledges`
    const dropPointId = need.dropPoints[0].id
    const over = await callApi(t, as(pledgerToken), 'POST', pledgePath, { quantity: 11, dropPointId })
    assert.equal(over.statusCode, 400)
    assert.equal(over.json().errors[0].detail, 'Il reste 10 lits de camp à promettre')
    // A token without participation:write may not pledge.
    assert.equal(
      (await callApi(t, as(readOnlyToken), 'POST', pledgePath, { quantity: 1, dropPointId })).statusCode,
      403,
    )
    const first = await callApi(t, as(pledgerToken), 'POST', pledgePath, { quantity: 4, dropPointId })
    assert.equal(first.statusCode, 201)
    const second = (
      await callApi(t, as(pledgerToken), 'POST', pledgePath, { quantity: '6', dropPointId })
    ).json()
    assert.equal(
      (await callApi(t, as(pledgerToken), 'DELETE', `/api/v1/pledges/${first.json().id}`)).statusCode,
      204,
    )
    assert.equal((await needRow(t, need.id))?.pledged, 6)
    // Only the organisation confirms; its member may, a giver may not.
    const receipt = `/api/v1/pledges/${second.id}/receipt`
    assert.equal((await callApi(t, as(pledgerToken), 'POST', receipt, {})).statusCode, 403)
    const done = await callApi(t, as(memberToken), 'POST', receipt, { quantity: 5 })
    assert.equal(done.statusCode, 200)
    assert.deepEqual([done.json().status, done.json().receivedQuantity], ['received', 5])
    const read = (await callApi(t, as(pledgerToken), 'GET', `/api/v1/needs/${need.id}`)).json()
    assert.deepEqual(read.progress, { received: 5, pledged: 5, quantity: 10, remaining: 5 })
    const mine = (await callApi(t, as(pledgerToken), 'GET', '/api/v1/me/pledges')).json()
    assert.deepEqual(
      mine.map((p: { status: string }) => p.status),
      ['received', 'cancelled'],
    )
    const list = await callApi(t, as(managerToken), 'GET', `/api/v1/needs/${need.id}/pledges`)
    assert.equal(list.json()[0].person, 'Sam Passant')
    assert.equal(
      (await callApi(t, as(pledgerToken), 'GET', `/api/v1/needs/${need.id}/pledges`)).statusCode,
      404,
    )
    assert.equal((await pledgeRows(t, need.id)).length, 2)
  })

  it('lets the manager lower the quantity, never below what is pledged unless more is accepted', async () => {
    const need = await create()
    const dropPointId = need.dropPoints[0].id
    await callApi(t, as(pledgerToken), 'POST', `/api/v1/needs/${need.id}/pledges`, {
      quantity: 8,
      dropPointId,
    })
    const below = await callApi(
      t,
      as(managerToken),
      'PATCH',
      `/api/v1/needs/${need.id}`,
      edited({ quantity: 5 }),
    )
    assert.equal(below.statusCode, 400)
    assert.match(below.json().errors[0].detail, /déjà promis \(8\)/)
    const ok = await callApi(
      t,
      as(managerToken),
      'PATCH',
      `/api/v1/needs/${need.id}`,
      edited({ quantity: 5, allowOverPledge: true }),
    )
    assert.equal(ok.statusCode, 200, ok.body)
    assert.deepEqual([ok.json().quantity, ok.json().progress.remaining], [5, 0])
  })
})
