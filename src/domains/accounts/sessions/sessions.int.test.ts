import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { sha256 } from '../../../platform/auth/secrets.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { sessionCookieName } from './auth.plugin.ts'
import { sessionRef } from './own-sessions.service.ts'

describe('sessions: where my account is open, and signing devices out', () => {
  let t: TestApp
  let territory: Territory
  const host = () => territory.hostnames[0]!
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services)
  })
  after(() => t.close())

  /** One person signed in on several devices, each a browser-like client with its own cookie. */
  async function devices(count: number) {
    const account = await makeAccount(t, territory)
    const clients: Client[] = []
    for (let i = 0; i < count; i++) {
      clients.push(await new Client(t, host()).signInDirectly(account))
      t.clock.advance('2 minutes')
    }
    return { account, clients }
  }
  const refOf = (client: Client) => sessionRef(sha256(client.cookies[sessionCookieName(false)]!))
  const signedIn = async (client: Client) => (await client.get('/compte')).statusCode === 200

  it('lists my sessions with their times in Paris, this one marked, in an accessible table', async () => {
    const { clients } = await devices(2)
    const p = page((await clients[0]!.get('/compte/sessions')).body)
    assert.equal(p.h1(), 'Mes sessions')
    assert.equal(p.text('caption'), 'Appareils connectés à votre compte')
    assert.deepEqual(p.all('thead th'), ['Appareil', 'Connexion', 'Dernière activité', 'Action'])
    assert.equal(p.all('tbody tr').length, 2)
    assert.equal(p.all('tbody tr').filter((r) => r.includes('Cette session')).length, 1)
    // The fake clock starts at 09:00 UTC on 16 March 2026, 10:00 in Paris.
    assert.match(p.text('tbody'), /16 mars 2026 (à )?10:0\d/)
  })

  it('signs one other device out: its cookie then leads to the login page', async () => {
    const { clients } = await devices(2)
    const [mine, lost] = clients as [Client, Client]
    const res = await mine.post(`/compte/sessions/${refOf(lost)}/deconnecter`, {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/compte/sessions?fait=une')
    const after = await lost.get('/compte')
    assert.equal(after.statusCode, 303)
    assert.match(after.headers.location as string, /^\/connexion/)
    assert.ok(await signedIn(mine))
    assert.match(page((await mine.get(res.headers.location)).body).text('main'), /La session est déconnectée/)
  })

  it('signs all the other devices out and keeps this one', async () => {
    const { account, clients } = await devices(3)
    const res = await clients[0]!.post('/compte/sessions/deconnecter-les-autres', {})
    assert.equal(res.statusCode, 303)
    assert.deepEqual(await Promise.all(clients.map(signedIn)), [true, false, false])
    assert.equal((await t.app.services.sessions.list(account.id)).length, 1)
    const p = page((await clients[0]!.get('/compte/sessions')).body)
    assert.match(p.text('main'), /aucun autre appareil/)
    const audit = await t.app.services.audit.list(territory.id)
    assert.ok(audit.some((e) => e.action === 'session.ended' && e.actorId === account.id))
  })

  it('cannot end the session of another account: 404 and nothing deleted', async () => {
    const { clients } = await devices(1)
    const { account: other, clients: theirs } = await devices(1)
    const before = await t.app.services.sessions.list(other.id)
    const res = await clients[0]!.post(`/compte/sessions/${refOf(theirs[0]!)}/deconnecter`, {})
    assert.equal(res.statusCode, 404)
    // Not even with the raw id of their session.
    const raw = sha256(theirs[0]!.cookies[sessionCookieName(false)]!)
    assert.equal((await clients[0]!.post(`/compte/sessions/${raw}/deconnecter`, {})).statusCode, 404)
    assert.deepEqual(await t.app.services.sessions.list(other.id), before)
    assert.ok(await signedIn(theirs[0]!))
  })

  it('signs this device out when its own row is chosen', async () => {
    const { clients } = await devices(1)
    const res = await clients[0]!.post(`/compte/sessions/${refOf(clients[0]!)}/deconnecter`, {})
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/connexion')
    assert.equal(clients[0]!.cookies[sessionCookieName(false)], undefined)
  })

  it('refuses to sign devices out without the CSRF token', async () => {
    const { clients } = await devices(2)
    const res = await clients[0]!.post('/compte/sessions/deconnecter-les-autres', {}, { withoutCsrf: true })
    assert.equal(res.statusCode, 403)
    assert.ok(await signedIn(clients[1]!))
  })
})
