import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { makeAccount } from '../../../test/helpers/accounts.ts'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { makeListing } from '../../../test/helpers/listings.ts'
import { makeMatch } from '../../../test/helpers/matches.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { findMatch } from './match.repository.ts'

describe('matches through the API with a personal access token', () => {
  let t: TestApp
  let territory: Territory
  let lozere: Territory
  const HOST = 'api-matches.entraide.test'
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services, { hostnames: [HOST] })
    lozere = await makeTerritory(t.app.services, {
      departements: ['48'],
      platformName: 'Lozère',
      hostnames: ['lozere-matches.entraide.test'],
    })
  })
  after(() => t.close())

  const tokenFor = (accountId: string, scopes: string[], where = territory) =>
    makeAccessToken(t, where, accountId, scopes)
  async function caller(scopes = ['listings:read', 'listings:write'], overrides = {}) {
    const account = await makeAccount(t, territory, overrides)
    const token = await tokenFor(account.id, scopes)
    const call = (method: 'GET' | 'POST', url: string, payload?: object, host = HOST) =>
      callApi(t, { host, token }, method, url, payload)
    return { account, token, call }
  }

  it('responds with « listings:write », lists with « listings:read », and ignores forged fields', async () => {
    const author = await caller()
    const listing = await makeListing(t, territory, author.account, { title: 'Arroser les plantes' })
    const readOnly = await caller(['listings:read'])
    const refused = await readOnly.call('POST', `/api/v1/listings/${listing.id}/responses`, {
      message: 'Bonjour',
    })
    assert.equal(refused.statusCode, 403)
    const helper = await caller()
    const other = await makeAccount(t, territory)
    const res = await helper.call('POST', `/api/v1/listings/${listing.id}/responses`, {
      message: 'Je peux passer mardi.',
      shares: ['email'],
      status: 'accepted',
      authorId: other.id,
      responderId: other.id,
      territoryId: lozere.id,
    })
    assert.equal(res.statusCode, 201, res.body)
    const body = res.json()
    assert.equal(body.status, 'pending')
    assert.equal(body.role, 'responder')
    assert.equal(body.listing.title, 'Arroser les plantes')
    assert.deepEqual(body.myShares, ['email'])
    assert.equal(body.response.message, 'Je peux passer mardi.')
    assert.equal(body.contacts, undefined)
    const row = await findMatch(t.db.db, territory.id, body.id)
    assert.equal(row?.responderId, helper.account.id)
    assert.equal(row?.authorId, author.account.id)
    assert.equal(row?.territoryId, territory.id)

    const noScope = await caller(['profile:read'])
    assert.equal((await noScope.call('GET', '/api/v1/matches')).statusCode, 403)
    const list = await author.call('GET', '/api/v1/matches')
    assert.equal(list.statusCode, 200)
    assert.deepEqual(
      list.json().map((m: { id: string; role: string; unread: number }) => [m.id, m.role, m.unread]),
      [[body.id, 'author', 1]],
    )
  })

  it('explains refusals in French problems, and lists the fields of bad input', async () => {
    const author = await caller()
    const listing = await makeListing(t, territory, author.account)
    const own = await author.call('POST', `/api/v1/listings/${listing.id}/responses`, { message: 'Moi' })
    assert.equal(own.statusCode, 403)
    assert.equal(own.json().detail, 'Vous ne pouvez pas répondre à votre propre annonce.')
    const helper = await caller()
    const long = await helper.call('POST', `/api/v1/listings/${listing.id}/responses`, {
      message: 'x'.repeat(1001),
      shares: ['phone'],
    })
    assert.equal(long.statusCode, 400)
    assert.deepEqual(
      long.json().errors.map((e: { pointer: string }) => e.pointer),
      ['/message', '/shares'],
    )
    const url = `/api/v1/listings/${listing.id}/responses`
    assert.equal((await helper.call('POST', url, { message: 'Bonjour' })).statusCode, 201)
    const twice = await helper.call('POST', url, { message: 'Encore' })
    assert.equal(twice.statusCode, 409)
    assert.equal(twice.json().detail, 'Vous avez déjà répondu à cette annonce.')
    const unverified = await caller(undefined, { emailVerifiedAt: null })
    assert.equal((await unverified.call('POST', url, { message: 'Bonjour' })).statusCode, 403)
  })

  it('runs the lifecycle: accept with contacts, done by the responder, confirmed with thanks', async () => {
    const author = await caller(undefined, { phone: '+33698765432' })
    const helper = await caller(undefined, { phone: '+33611122233' })
    const listing = await makeListing(t, territory, author.account)
    const match = await makeMatch(t, territory, listing, helper.account, { responderShares: ['phone'] })
    const base = `/api/v1/matches/${match.id}`
    const self = await helper.call('POST', `${base}/accept`, { shares: [] })
    assert.equal(self.statusCode, 403, 'the responder cannot accept their own response')
    assert.equal(self.json().detail, 'Seule la personne qui a publié l’annonce peut faire cela.')
    assert.equal((await findMatch(t.db.db, territory.id, match.id))?.status, 'pending')
    const accepted = await author.call('POST', `${base}/accept`, {
      shares: ['phone', 'email'],
      status: 'done',
    })
    assert.equal(accepted.statusCode, 200, accepted.body)
    assert.equal(accepted.json().status, 'accepted')
    assert.deepEqual(accepted.json().contacts, { phone: '+33611122233' })
    const seen = await helper.call('GET', base)
    assert.deepEqual(seen.json().contacts, { phone: '+33698765432', email: author.account.email })
    assert.deepEqual(seen.json().actions, ['markDone', 'cancel'])
    const done = await helper.call('POST', `${base}/done`, {})
    assert.equal(done.json().doneMarkedBy, 'me')
    assert.equal((await helper.call('POST', `${base}/confirm`, {})).statusCode, 403)
    const confirmed = await author.call('POST', `${base}/confirm`, { thanks: 'Merci !', thanksPublic: true })
    assert.equal(confirmed.statusCode, 200)
    assert.equal(confirmed.json().status, 'done')
    assert.deepEqual(confirmed.json().thanks, { text: 'Merci !', public: true })
    const again = await author.call('POST', `${base}/confirm`, {})
    assert.equal(again.statusCode, 409)
  })

  it('declines, withdraws and cancels; a cancel needs a reason', async () => {
    const author = await caller()
    const helper = await caller()
    const listing = await makeListing(t, territory, author.account, { kind: 'offer', urgency: null })
    const one = await makeMatch(t, territory, listing, helper.account)
    const declined = await author.call('POST', `/api/v1/matches/${one.id}/decline`, { reason: 'Complet.' })
    assert.equal(declined.json().status, 'declined')
    assert.equal(declined.json().endedBy, 'me')
    const other = await caller()
    const two = await makeMatch(t, territory, listing, other.account)
    assert.equal((await other.call('POST', `/api/v1/matches/${two.id}/withdraw`)).json().status, 'withdrawn')
    const third = await caller()
    const three = await makeMatch(t, territory, listing, third.account, { status: 'accepted' })
    const bare = await third.call('POST', `/api/v1/matches/${three.id}/cancel`, { reason: '' })
    assert.equal(bare.statusCode, 400)
    assert.equal(bare.json().errors[0].detail, 'Indiquez la raison de l’annulation')
    const cancelled = await third.call('POST', `/api/v1/matches/${three.id}/cancel`, { reason: 'Malade' })
    assert.equal(cancelled.json().status, 'cancelled')
    assert.equal(cancelled.json().reason, 'Malade')
  })

  it('gives a stranger and another territory 404 on every route, and changes nothing', async () => {
    const author = await caller()
    const helper = await caller()
    const listing = await makeListing(t, territory, author.account)
    const pending = await makeMatch(t, territory, listing, helper.account)
    const stranger = await caller()
    const lozerien = await makeAccount(t, lozere, { communeInsee: '48095' })
    const farToken = await tokenFor(lozerien.id, ['listings:read', 'listings:write'], lozere)
    const far = (method: 'GET' | 'POST', url: string, payload?: object) =>
      callApi(t, { host: 'lozere-matches.entraide.test', token: farToken }, method, url, payload)
    const bodies: Record<string, object> = {
      accept: { shares: [] },
      decline: {},
      withdraw: {},
      cancel: { reason: 'x' },
      done: {},
      confirm: {},
    }
    for (const who of [stranger.call, far]) {
      assert.equal((await who('GET', `/api/v1/matches/${pending.id}`)).statusCode, 404)
      for (const [action, body] of Object.entries(bodies))
        assert.equal(
          (await who('POST', `/api/v1/matches/${pending.id}/${action}`, body)).statusCode,
          404,
          action,
        )
    }
    assert.equal(
      (await far('POST', `/api/v1/listings/${listing.id}/responses`, { message: 'x' })).statusCode,
      404,
    )
    assert.equal((await stranger.call('GET', '/api/v1/matches/pas-un-id')).statusCode, 404)
    const row = await findMatch(t.db.db, territory.id, pending.id)
    assert.deepEqual(row, pending)
  })

  it('documents the routes in the OpenAPI document, with the Match schema', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json', headers: { host: HOST } })).json()
    for (const path of [
      '/api/v1/listings/{id}/responses',
      '/api/v1/matches',
      '/api/v1/matches/{id}',
      '/api/v1/matches/{id}/accept',
      '/api/v1/matches/{id}/decline',
      '/api/v1/matches/{id}/withdraw',
      '/api/v1/matches/{id}/cancel',
      '/api/v1/matches/{id}/done',
      '/api/v1/matches/{id}/confirm',
    ])
      assert.ok(doc.paths[path], path)
    assert.ok(doc.components.schemas.Match.properties.contacts)
  })
})
