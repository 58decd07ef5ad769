import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Client } from '../../../test/helpers/accounts.ts'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  appealRows,
  makeSanction,
  type SanctionWorld,
  sanctionRow,
  sanctionWorld,
} from '../../../test/helpers/sanctions.ts'

const API = '/api/v1/moderation/appeals'

describe('the appeals JSON API, for moderators', () => {
  let t: TestApp
  let w: SanctionWorld
  before(async () => {
    t = await buildTestApp()
    w = await sanctionWorld(t)
  })
  after(() => t.close())

  const get = (client: Client, url: string) =>
    client.request({ method: 'GET', url, headers: { accept: 'application/json' } })
  const post = (client: Client, url: string, payload: Record<string, string>) =>
    client.request({
      method: 'POST',
      url,
      payload,
      headers: { 'x-csrf-token': client.csrfToken(), accept: 'application/json' },
      withoutCsrf: true,
    })

  async function appealed() {
    const person = await w.newPerson('Lucien Api')
    const sanction = await makeSanction(t, w.territory, {
      accountId: person.id,
      kind: 'suspend',
      decidedBy: w.judge.id,
    })
    await (await w.client()).post(`/recours/${sanction.token}`, { statement: 'Par l’API, je conteste.' })
    const [appeal] = await appealRows(t, sanction.id)
    return { person, sanction, appealId: appeal!.id }
  }

  it('lists open appeals to moderators of the territory with their second factor, and to nobody else', async () => {
    const { appealId, sanction, person } = await appealed()
    const res = await get(await w.client(w.reviewer, true), API)
    assert.equal(res.statusCode, 200)
    const found = res.json().appeals.find((a: { id: string }) => a.id === appealId)
    assert.equal(found.person.displayName, 'Lucien Api')
    assert.equal(found.person.id, person.id)
    assert.equal(found.statement, 'Par l’API, je conteste.')
    assert.equal(found.sanction.id, sanction.id)
    assert.equal(found.sanction.kind, 'suspend')
    assert.equal(found.sanction.reason, 'money-request')
    assert.ok(found.sanction.endsAt)

    for (const client of [await w.client(w.reviewer, false), await w.client(await w.newPerson())])
      assert.equal((await get(client, API)).statusCode, 403)
    // A token never carries staff powers, whatever its scopes.
    const token = await makeAccessToken(t, w.territory, w.reviewer.id, ['listings:read', 'listings:write'])
    assert.equal((await callApi(t, { host: w.host, token }, 'GET', API)).statusCode, 403)
    const foreign = await get(await w.client(w.foreignModerator, true), API)
    assert.equal(foreign.statusCode, 200)
    assert.ok(
      !foreign.json().appeals.some((a: { id: string }) => a.id === appealId),
      'another territory’s are not listed',
    )
  })

  it('decides with the same rules as the page', async () => {
    const { appealId, sanction } = await appealed()
    const path = `${API}/${appealId}/decision`
    const reviewer = await w.client(w.reviewer, true)
    const body = { decision: 'granted', answer: 'Levée par l’application.' }

    const own = await post(await w.client(w.judge, true), path, body)
    assert.equal(own.statusCode, 403)
    assert.match(own.json().detail, /un autre modérateur doit relire ce recours/)
    const invalid = await post(reviewer, path, { decision: 'granted', answer: ' ' })
    assert.equal(invalid.statusCode, 400)
    assert.deepEqual(
      invalid.json().errors.map((e: { pointer: string }) => e.pointer),
      ['/answer'],
    )
    assert.equal((await post(reviewer, path, { decision: 'maybe', answer: 'Oui' })).statusCode, 400)
    const withoutCsrf = await reviewer.request({
      method: 'POST',
      url: path,
      payload: body,
      headers: { accept: 'application/json' },
      withoutCsrf: true,
    })
    assert.equal(withoutCsrf.statusCode, 403)
    assert.equal((await post(await w.client(w.foreignModerator, true), path, body)).statusCode, 404)
    assert.equal((await sanctionRow(t, sanction.id))?.liftedAt, null, 'nothing decided yet')

    const res = await post(reviewer, path, body)
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json(), { id: appealId, status: 'granted' })
    assert.equal((await sanctionRow(t, sanction.id))?.liftedBy, w.reviewer.id)
    const again = await post(await w.client(w.third, true), path, { ...body, decision: 'upheld' })
    assert.equal(again.statusCode, 409)
    assert.match(again.json().detail, /déjà répondu/)
  })
})
