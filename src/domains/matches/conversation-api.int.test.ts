import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeMatch, storedMessages } from '../../../test/helpers/conversations.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { hasBlocked } from './match.repository.ts'

describe('conversations through the API with a personal access token', () => {
  let t: TestApp
  let territory: Territory
  let lozere: Territory
  const host = 'api.entraide.test'

  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services, { hostnames: [host] })
    lozere = await makeTerritory(t.app.services, { departements: ['48'] })
  })
  after(() => t.close())

  const tokenFor = (accountId: string, scopes: string[]) => makeAccessToken(t, territory, accountId, scopes)
  const call = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    callApi(t, { host, token }, method, url, payload)

  async function pair() {
    const marie = await makeAccount(t, territory, { displayName: 'Marie' })
    const karim = await makeAccount(t, territory, { displayName: 'Karim' })
    const match = await makeMatch(t, territory, { author: marie, responder: karim })
    const all = ['listings:read', 'listings:write']
    return {
      marie,
      karim,
      match,
      url: `/api/v1/matches/${match.id}`,
      tokens: { marie: await tokenFor(marie.id, all), karim: await tokenFor(karim.id, all) },
    }
  }

  it('writes and reads messages, with « seen » once the other party has read, HTML kept as text', async () => {
    const { match, url, tokens } = await pair()
    const body = '<img src=x onerror=alert(1)> Bonjour,\nje passe samedi.'
    const created = await call(tokens.karim, 'POST', `${url}/messages`, { body: `  ${body}  ` })
    assert.equal(created.statusCode, 201, created.body)
    const message = created.json()
    assert.equal(message.body, body, 'trimmed, otherwise exactly as typed')
    assert.deepEqual(
      { mine: message.mine, sender: message.sender, seen: message.seen },
      { mine: true, sender: { displayName: 'Karim' }, seen: false },
    )
    assert.match(created.headers['content-type'] as string, /application\/json/)

    const marieReads = await call(tokens.marie, 'GET', `${url}/messages`)
    assert.equal(marieReads.statusCode, 200)
    const conversation = marieReads.json()
    assert.equal(conversation.matchId, match.id)
    assert.deepEqual(conversation.otherParty, { displayName: 'Karim' })
    assert.equal(conversation.canWrite, true)
    assert.equal(conversation.closed, null)
    assert.deepEqual(
      conversation.messages.map((m: { body: string; mine: boolean }) => [m.body, m.mine]),
      [[body, false]],
    )
    const karimReads = (await call(tokens.karim, 'GET', `${url}/messages`)).json()
    assert.equal(karimReads.messages[0].seen, true, 'reading through the API marks it seen')
    assert.ok((await storedMessages(t, match.id))[0]?.seenAt)
  })

  it('needs « listings:read » to read and « listings:write » to write', async () => {
    const { marie, match, url } = await pair()
    const readOnly = await tokenFor(marie.id, ['listings:read'])
    const profileOnly = await tokenFor(marie.id, ['profile:read'])
    assert.equal((await call(profileOnly, 'GET', `${url}/messages`)).statusCode, 403)
    assert.equal((await call(readOnly, 'GET', `${url}/messages`)).statusCode, 200)
    const refused = await call(readOnly, 'POST', `${url}/messages`, { body: 'Bonjour' })
    assert.equal(refused.statusCode, 403)
    assert.equal((await call(readOnly, 'POST', `${url}/block`)).statusCode, 403)
    assert.equal((await storedMessages(t, match.id)).length, 0)
  })

  it('answers 404 to anyone else and for another territory’s match, and changes nothing', async () => {
    const { marie, karim, match, url, tokens } = await pair()
    await call(tokens.karim, 'POST', `${url}/messages`, { body: 'Pour Marie' })
    const stranger = await makeAccount(t, territory)
    const theirs = await tokenFor(stranger.id, ['listings:read', 'listings:write'])
    for (const [method, path, payload] of [
      ['GET', `${url}/messages`, undefined],
      ['POST', `${url}/messages`, { body: 'Intrus' }],
      ['POST', `${url}/block`, undefined],
      ['DELETE', `${url}/block`, undefined],
    ] as const) {
      const res = await call(theirs, method, path, payload)
      assert.equal(res.statusCode, 404, `${method} ${path}`)
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/)
    }
    const stored = await storedMessages(t, match.id)
    assert.deepEqual(
      stored.map((m) => [m.body, m.seenAt]),
      [['Pour Marie', null]],
    )
    assert.equal(await hasBlocked(t.db.db, stranger.id, karim.id), false)

    const elsewhere = await makeMatch(t, lozere, { author: marie, responder: karim })
    const there = `/api/v1/matches/${elsewhere.id}/messages`
    assert.equal((await call(tokens.marie, 'GET', there)).statusCode, 404)
    assert.equal((await call(tokens.marie, 'POST', there, { body: 'Bonjour' })).statusCode, 404)
    assert.equal((await storedMessages(t, elsewhere.id)).length, 0)
  })

  it('explains a bad message as an RFC 9457 problem and stores nothing', async () => {
    const { match, url, tokens } = await pair()
    for (const body of ['   ', 'a'.repeat(2001)]) {
      const res = await call(tokens.marie, 'POST', `${url}/messages`, { body })
      assert.equal(res.statusCode, 400)
      const problem = res.json()
      assert.equal(problem.status, 400)
      assert.equal(problem.errors[0].pointer, '/body')
    }
    assert.equal((await storedMessages(t, match.id)).length, 0)
  })

  it('reads no sender, time or « seen » from the body: only the text', async () => {
    const { marie, karim, match, url, tokens } = await pair()
    const forged = { body: 'Bonjour', senderId: karim.id, createdAt: '2020-01-01T00:00:00Z', seenAt: null }
    assert.equal((await call(tokens.marie, 'POST', `${url}/messages`, forged)).statusCode, 201)
    const [stored] = await storedMessages(t, match.id)
    assert.equal(stored?.senderId, marie.id)
    assert.equal(stored?.createdAt.toISOString(), t.clock.now().toISOString())
  })

  it('blocks and unblocks: the blocked person’s messages are refused and not stored', async () => {
    const { marie, karim, match, url, tokens } = await pair()
    const blocked = await call(tokens.marie, 'POST', `${url}/block`)
    assert.equal(blocked.statusCode, 200)
    assert.deepEqual(blocked.json(), { blockedByMe: true })
    assert.equal(await hasBlocked(t.db.db, marie.id, karim.id), true)

    const refused = await call(tokens.karim, 'POST', `${url}/messages`, { body: 'Pourquoi ?' })
    assert.equal(refused.statusCode, 403)
    assert.equal(refused.json().detail, 'Vous ne pouvez plus écrire dans cette conversation.')
    assert.equal((await storedMessages(t, match.id)).length, 0)
    const karimSees = (await call(tokens.karim, 'GET', `${url}/messages`)).json()
    assert.deepEqual([karimSees.canWrite, karimSees.closed], [false, 'blocked'])
    const marieSees = (await call(tokens.marie, 'GET', `${url}/messages`)).json()
    assert.deepEqual(
      [marieSees.canWrite, marieSees.closed, marieSees.blockedByMe],
      [false, 'blockedByMe', true],
    )

    const unblocked = await call(tokens.marie, 'DELETE', `${url}/block`)
    assert.deepEqual(unblocked.json(), { blockedByMe: false })
    assert.equal(await hasBlocked(t.db.db, marie.id, karim.id), false)
    assert.equal((await call(tokens.karim, 'POST', `${url}/messages`, { body: 'Merci' })).statusCode, 201)
  })

  it('refuses writing in an ended match with 409', async () => {
    const marie = await makeAccount(t, territory)
    const karim = await makeAccount(t, territory)
    const match = await makeMatch(t, territory, { author: marie, responder: karim }, { status: 'cancelled' })
    const token = await tokenFor(karim.id, ['listings:write'])
    const res = await call(token, 'POST', `/api/v1/matches/${match.id}/messages`, { body: 'Encore ?' })
    assert.equal(res.statusCode, 409)
    assert.match(res.json().detail, /annulée/)
    assert.equal((await storedMessages(t, match.id)).length, 0)
  })

  it('is described in the OpenAPI document, with examples', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json', headers: { host } })).json()
    const paths = doc.paths as Record<string, Record<string, { tags?: string[] }>>
    assert.ok(paths['/api/v1/matches/{id}/messages']?.get)
    assert.ok(paths['/api/v1/matches/{id}/messages']?.post)
    assert.ok(paths['/api/v1/matches/{id}/block']?.post)
    assert.ok(paths['/api/v1/matches/{id}/block']?.delete)
    const schemas = JSON.stringify(doc.components?.schemas ?? {})
    assert.match(schemas, /Bonjour, je peux passer samedi/)
  })
})
