import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  appealRows,
  makeSanction,
  type SanctionWorld,
  sanctionRow,
  sanctionWorld,
} from '../../../test/helpers/sanctions.ts'

describe('the appeals API, for moderators’ applications', () => {
  let t: TestApp
  let w: SanctionWorld
  before(async () => {
    t = await buildTestApp()
    w = await sanctionWorld(t)
  })
  after(() => t.close())

  const token = (account: { id: string }, scopes: string[], territory = w.territory) =>
    makeAccessToken(t, territory, account.id, scopes)
  const api = (bearer: string, method: 'GET' | 'POST', url: string, payload?: object, host = w.host) =>
    callApi(t, { host, token: bearer }, method, url, payload)

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

  it('lists open appeals to a moderator’s token with moderation:read, and to nobody else', async () => {
    const { appealId, sanction, person } = await appealed()
    const res = await api(await token(w.reviewer, ['moderation:read']), 'GET', '/api/v1/moderation/appeals')
    assert.equal(res.statusCode, 200)
    const found = res.json().appeals.find((a: { id: string }) => a.id === appealId)
    assert.equal(found.person.displayName, 'Lucien Api')
    assert.equal(found.person.id, person.id)
    assert.equal(found.statement, 'Par l’API, je conteste.')
    assert.equal(found.sanction.id, sanction.id)
    assert.equal(found.sanction.kind, 'suspend')
    assert.equal(found.sanction.reason, 'money-request')
    assert.ok(found.sanction.endsAt)

    const refused = [
      [await token(w.reviewer, ['moderation:write']), 403],
      [await token(await w.newPerson(), ['moderation:read']), 403],
      [await token(w.foreignModerator, ['moderation:read'], w.other), 401],
    ] as const
    for (const [bearer, status] of refused)
      assert.equal((await api(bearer, 'GET', '/api/v1/moderation/appeals')).statusCode, status)
    const foreign = await api(
      await token(w.foreignModerator, ['moderation:read'], w.other),
      'GET',
      '/api/v1/moderation/appeals',
      undefined,
      w.other.hostnames[0],
    )
    assert.equal(foreign.statusCode, 200)
    assert.ok(
      !foreign.json().appeals.some((a: { id: string }) => a.id === appealId),
      'another territory’s are not listed',
    )
  })

  it('decides with moderation:write: the same rules as the page', async () => {
    const { appealId, sanction } = await appealed()
    const path = `/api/v1/moderation/appeals/${appealId}/decision`
    const reviewer = await token(w.reviewer, ['moderation:write'])
    const body = { decision: 'granted', answer: 'Levée par l’application.' }

    assert.equal(
      (await api(await token(w.reviewer, ['moderation:read']), 'POST', path, body)).statusCode,
      403,
    )
    const own = await api(await token(w.judge, ['moderation:write']), 'POST', path, body)
    assert.equal(own.statusCode, 403)
    assert.match(own.json().detail, /un autre modérateur doit relire ce recours/)
    const invalid = await api(reviewer, 'POST', path, { decision: 'granted', answer: ' ' })
    assert.equal(invalid.statusCode, 400)
    assert.deepEqual(
      invalid.json().errors.map((e: { pointer: string }) => e.pointer),
      ['/answer'],
    )
    const wrongDecision = await api(reviewer, 'POST', path, { decision: 'maybe', answer: 'Oui' })
    assert.equal(wrongDecision.statusCode, 400)
    const foreign = await api(
      await token(w.foreignModerator, ['moderation:write'], w.other),
      'POST',
      path,
      body,
      w.other.hostnames[0],
    )
    assert.equal(foreign.statusCode, 404)
    assert.equal((await sanctionRow(t, sanction.id))?.liftedAt, null, 'nothing decided yet')

    const res = await api(reviewer, 'POST', path, body)
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json(), { id: appealId, status: 'granted' })
    assert.equal((await sanctionRow(t, sanction.id))?.liftedBy, w.reviewer.id)
    const again = await api(await token(w.third, ['moderation:write']), 'POST', path, {
      ...body,
      decision: 'upheld',
    })
    assert.equal(again.statusCode, 409)
    assert.match(again.json().detail, /déjà répondu/)
  })
})
