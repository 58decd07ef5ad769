import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { sha256 } from '../../../platform/auth/secrets.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { accessTokens } from '../identity/account.schema.ts'

describe('personal access tokens for the API', () => {
  let t: TestApp
  let calvados: Territory
  let lozere: Territory
  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    lozere = await makeTerritory(t.app.services, { departements: ['48'] })
  })
  after(() => t.close())

  async function member() {
    const account = await makeAccount(t, calvados)
    const client = await new Client(t, calvados.hostnames[0]!).signInDirectly(account)
    return { account, client }
  }

  /** Creates a token through the page, as a person would, and reads it from the one page that shows it. */
  async function createToken(client: Client, scopes: string[], name = 'Téléphone de Zoé') {
    const res = await client.post('/compte/jetons', { name, scopes })
    assert.equal(res.statusCode, 200)
    const value = page(res.body).field(`Jeton « ${name} »`)?.getAttribute('value')
    assert.ok(value)
    assert.ok(value.startsWith('ent_'))
    return value
  }

  const api = (host: string, token: string, method: 'GET' | 'PATCH' | 'POST' = 'GET', url = '/api/v1/me') =>
    t.app.inject({
      method,
      url,
      headers: { host, authorization: `Bearer ${token}` },
      ...(method === 'GET'
        ? {}
        : { payload: method === 'PATCH' ? { displayName: 'Zoé' } : { name: 'x', scopes: ['profile:read'] } }),
    })

  it('shows the token once, keeps only its hash, and lists it by name without its value', async () => {
    const { account, client } = await member()
    const token = await createToken(client, ['profile:read'])
    const rows = await t.db.db.select().from(accessTokens).where(eq(accessTokens.accountId, account.id))
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.tokenHash, sha256(token))
    assert.ok(!JSON.stringify(rows).includes(token), 'no column holds the token itself')
    const list = await client.get('/compte/jetons')
    assert.ok(!list.body.includes(token))
    const p = page(list.body)
    assert.deepEqual(p.all('tbody th'), ['Téléphone de Zoé'])
    assert.match(p.text('tbody'), /Lire mon profil/)
    assert.match(p.text('tbody'), /Jamais/)
    const audit = await t.app.services.audit.list(calvados.id)
    const created = audit.find((e) => e.action === 'token.created' && e.actorId === account.id)
    assert.ok(created)
    assert.ok(!JSON.stringify(created).includes(token) && !JSON.stringify(created).includes(sha256(token)))
  })

  it('acts for its owner as a bearer token, within its scopes', async () => {
    const { account, client } = await member()
    const host = calvados.hostnames[0]!
    const reader = await createToken(client, ['profile:read'], 'Lecture')
    const me = await api(host, reader)
    assert.equal(me.statusCode, 200)
    assert.equal(me.json().id, account.id)
    assert.equal((await api(host, reader, 'PATCH')).statusCode, 403, 'read-only token')
    const writer = await createToken(client, ['profile:write'], 'Écriture')
    assert.equal((await api(host, writer)).statusCode, 403, 'write-only token')
    const patched = await api(host, writer, 'PATCH')
    assert.equal(patched.statusCode, 200, 'no CSRF header needed with a token')
    assert.equal(patched.json().displayName, 'Zoé')
    const listed = page((await client.get('/compte/jetons')).body)
    assert.doesNotMatch(listed.text('tbody tr:last-child'), /Jamais/, 'last use is recorded')
  })

  it('stops working once revoked, and on another territory’s host', async () => {
    const { account, client } = await member()
    const token = await createToken(client, ['profile:read'])
    assert.equal((await api(lozere.hostnames[0]!, token)).statusCode, 401)
    const [row] = await t.db.db.select().from(accessTokens).where(eq(accessTokens.accountId, account.id))
    const res = await client.post(`/compte/jetons/${row!.id}/revoquer`, {})
    assert.equal(res.statusCode, 303)
    assert.match(page((await client.get(res.headers.location as string)).body).text('main'), /révoqué/)
    assert.equal((await api(calvados.hostnames[0]!, token)).statusCode, 401)
    const audit = await t.app.services.audit.list(calvados.id)
    assert.ok(audit.some((e) => e.action === 'token.revoked' && e.targetId === row!.id))
  })

  it('cannot mint, list or revoke tokens with a token', async () => {
    const { account, client } = await member()
    const token = await createToken(client, ['profile:read', 'profile:write'])
    const host = calvados.hostnames[0]!
    assert.equal((await api(host, token, 'POST', '/api/v1/me/tokens')).statusCode, 403)
    assert.equal((await api(host, token, 'GET', '/api/v1/me/tokens')).statusCode, 403)
    const [row] = await t.db.db.select().from(accessTokens).where(eq(accessTokens.accountId, account.id))
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${row!.id}`,
      headers: { host, authorization: `Bearer ${token}` },
    })
    assert.equal(del.statusCode, 403)
    const rows = await t.db.db.select().from(accessTokens).where(eq(accessTokens.accountId, account.id))
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.revokedAt, null)
  })

  it('manages tokens in JSON from the web session, with the CSRF header', async () => {
    const { client } = await member()
    const headers = { 'x-csrf-token': client.csrfToken() }
    const payload = { name: 'Application', scopes: ['profile:read'] }
    const refused = await client.request({
      method: 'POST',
      url: '/api/v1/me/tokens',
      payload,
      withoutCsrf: true,
    })
    assert.equal(refused.statusCode, 403)
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/me/tokens',
      payload,
      headers,
      withoutCsrf: true,
    })
    assert.equal(created.statusCode, 201)
    const { token, accessToken } = created.json()
    assert.equal((await api(calvados.hostnames[0]!, token)).statusCode, 200)
    const list = await client.get('/api/v1/me/tokens')
    assert.deepEqual(
      list.json().map((x: { name: string }) => x.name),
      ['Application'],
    )
    assert.ok(!list.body.includes(token))
    const url = `/api/v1/me/tokens/${accessToken.id}`
    const del = await client.request({ method: 'DELETE', url, headers, withoutCsrf: true })
    assert.equal(del.statusCode, 204)
    assert.equal(
      (await client.request({ method: 'DELETE', url, headers, withoutCsrf: true })).statusCode,
      404,
    )
  })

  it('cannot revoke another person’s token: 404, and the token still works', async () => {
    const { client } = await member()
    const { account: other, client: theirs } = await member()
    const token = await createToken(theirs, ['profile:read'])
    const [row] = await t.db.db.select().from(accessTokens).where(eq(accessTokens.accountId, other.id))
    assert.equal((await client.post(`/compte/jetons/${row!.id}/revoquer`, {})).statusCode, 404)
    const del = await client.request({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${row!.id}`,
      headers: { 'x-csrf-token': client.csrfToken() },
      withoutCsrf: true,
    })
    assert.equal(del.statusCode, 404)
    assert.equal((await client.post('/compte/jetons/pas-un-id/revoquer', {})).statusCode, 404)
    const [after] = await t.db.db.select().from(accessTokens).where(eq(accessTokens.id, row!.id))
    assert.deepEqual(after, row)
    assert.equal((await api(calvados.hostnames[0]!, token)).statusCode, 200)
    assert.match(page((await client.get('/compte/jetons')).body).text('main'), /Vous n’avez aucun jeton/)
  })

  it('explains a missing name or permission with status 400 and the values kept', async () => {
    const { account, client } = await member()
    const res = await client.post('/compte/jetons', { name: '  ' })
    assert.equal(res.statusCode, 400)
    const p = page(res.body)
    assert.deepEqual(p.errorSummary(), [
      { text: 'Donnez un nom au jeton', href: '#name' },
      { text: 'Choisissez au moins une autorisation', href: '#scopes' },
    ])
    const rows = await t.db.db.select().from(accessTokens).where(eq(accessTokens.accountId, account.id))
    assert.equal(rows.length, 0)
  })
})
