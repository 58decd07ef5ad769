import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { organisationMembers, organisations } from './organisation.schema.ts'
import { seedOrganisation } from './organisation-seed.ts'

const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
/** A lone surrogate cannot go in an address; a browser sends U+FFFD in its place. */
const wellFormed = (s: string) =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
const body = (over: Record<string, string> = {}) => ({
  name: 'Secours populaire de Lisieux',
  kind: 'association',
  registration: '',
  communeInsee: '14366',
  description: 'Aide alimentaire et vestiaire.',
  contactKind: 'phone',
  contactValue: '02 31 12 34 56',
  ...over,
})

describe('organisations through the API, and hostile input on every field', () => {
  const host = 'organisations-api.entraide.test'
  let t: TestApp
  let territory: Territory
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services, { hostnames: [host] })
  })
  after(() => t.close())
  const count = () => t.db.db.$count(organisations)

  it('creates with « organisations:write », lists verified ones publicly, and my organisations with « organisations:read »', async () => {
    const account = await makeAccount(t, territory)
    const readOnly = await makeAccessToken(t, territory, account.id, ['organisations:read'])
    assert.equal(
      (await callApi(t, { host, token: readOnly }, 'POST', '/api/v1/organisations', body())).statusCode,
      403,
    )
    const writer = await makeAccessToken(t, territory, account.id, ['organisations:write'])
    const created = await callApi(t, { host, token: writer }, 'POST', '/api/v1/organisations', body())
    assert.equal(created.statusCode, 201, created.body)
    const org = created.json()
    assert.equal(org.status, 'pending')
    assert.deepEqual(org.contact, { kind: 'phone', value: '+33231123456' })
    assert.equal(org.commune.name, 'Lisieux')
    const mine = await callApi(t, { host, token: readOnly }, 'GET', '/api/v1/me/organisations')
    assert.deepEqual(
      mine.json().map((m: { name: string; role: string }) => [m.name, m.role]),
      [['Secours populaire de Lisieux', 'manager']],
    )
    // pending: not in the public list, not found by a stranger
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?q=secours',
      headers: { host },
    })
    assert.deepEqual(list.json().items, [])
    const stranger = await makeAccount(t, territory)
    const strangerToken = await makeAccessToken(t, territory, stranger.id, [
      'organisations:read',
      'organisations:write',
    ])
    assert.equal(
      (await callApi(t, { host, token: strangerToken }, 'GET', `/api/v1/organisations/${org.id}`)).statusCode,
      404,
    )
    assert.equal(
      (
        await callApi(
          t,
          { host, token: strangerToken },
          'PATCH',
          `/api/v1/organisations/${org.id}`,
          body({ name: 'Pris' }),
        )
      ).statusCode,
      404,
    )
    await t.db.db
      .update(organisations)
      .set({ status: 'verified', verifiedAt: t.clock.now() })
      .where(eq(organisations.id, org.id))
    const found = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?q=secours&kind=association',
      headers: { host },
    })
    assert.deepEqual(
      found.json().items.map((o: { name: string }) => o.name),
      ['Secours populaire de Lisieux'],
    )
    const patched = await callApi(
      t,
      { host, token: writer },
      'PATCH',
      `/api/v1/organisations/${org.id}`,
      body({ name: 'Secours populaire – Lisieux' }),
    )
    assert.equal(patched.statusCode, 200, patched.body)
    assert.equal(patched.json().name, 'Secours populaire – Lisieux')
  })

  it('manages members: invite, the last manager stays, a member cannot promote himself', async () => {
    const manager = await makeAccount(t, territory)
    const member = await makeAccount(t, territory)
    const id = await seedOrganisation(t.db.db, {
      territoryId: territory.id,
      name: 'Atelier vélo',
      kind: 'workshop',
      communeInsee: '14118',
      managerId: manager.id,
      memberIds: [member.id],
    })
    const mt = await makeAccessToken(t, territory, manager.id, ['organisations:read', 'organisations:write'])
    const bt = await makeAccessToken(t, territory, member.id, ['organisations:read', 'organisations:write'])
    const list = await callApi(t, { host, token: bt }, 'GET', `/api/v1/organisations/${id}/members`)
    assert.equal(list.json().length, 2)
    assert.equal(
      (
        await callApi(t, { host, token: bt }, 'PATCH', `/api/v1/organisations/${id}/members/${member.id}`, {
          role: 'manager',
        })
      ).statusCode,
      404,
    )
    assert.equal(
      (await callApi(t, { host, token: mt }, 'DELETE', `/api/v1/organisations/${id}/members/${manager.id}`))
        .statusCode,
      409,
    )
    assert.equal(
      (
        await callApi(t, { host, token: mt }, 'POST', `/api/v1/organisations/${id}/members`, {
          email: 'velo@exemple.test',
          role: 'member',
        })
      ).statusCode,
      202,
    )
    assert.equal(
      (await callApi(t, { host, token: bt }, 'DELETE', `/api/v1/organisations/${id}/members/${member.id}`))
        .statusCode,
      204,
    )
    const rows = await t.db.db
      .select()
      .from(organisationMembers)
      .where(eq(organisationMembers.organisationId, id))
    assert.deepEqual(
      rows.map((r) => r.role),
      ['manager'],
    )
  })

  it('answers hostile text in every field of the form and of the API with a clear 4xx, or stores it as text', async () => {
    const account = await makeAccount(t, territory)
    const client = await new Client(t, host).signInDirectly(account)
    const token = await makeAccessToken(t, territory, account.id, ['organisations:write'])
    const fields = [
      'name',
      'kind',
      'aidType',
      'registration',
      'commune',
      'description',
      'contactKind',
      'contactValue',
    ]
    const web = { ...body(), commune: 'Lisieux' } as Record<string, string>
    let n = 0
    for (const field of fields) {
      for (const text of HOSTILE) {
        n += 1
        // a unique name each time, so that an accepted one is not refused as a duplicate later
        const form = { ...web, name: `Organisation ${n}`, [field]: text }
        const label = `${field} = ${JSON.stringify(text.slice(0, 30))}`
        const before = await count()
        const res = await client.post('/organisations/nouvelle', form)
        assert.ok(res.statusCode === 303 || res.statusCode === 400, `${label}: ${res.statusCode}`)
        if (res.statusCode === 400) {
          assert.match(res.body, /lang="fr"/)
          assert.doesNotMatch(res.body, /<script>alert|<img src=x/)
          assert.equal(await count(), before, `${label}: nothing written`)
        } else assert.match(String(res.headers.location), /^\/organisations\/[\w-]+\?fait=creee$/)
        const apiField = field === 'commune' ? 'communeInsee' : field
        const api = await callApi(t, { host, token }, 'POST', '/api/v1/organisations', {
          ...body(),
          name: `API ${n}`,
          [apiField]: text,
        })
        assert.ok([201, 400].includes(api.statusCode), `API ${label}: ${api.statusCode}`)
        if (api.statusCode === 400) assert.ok(api.json().title, `API ${label}: a problem`)
      }
    }
    for (const text of HOSTILE) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/organisations?q=${encodeURIComponent(wellFormed(text))}`,
        headers: { host },
      })
      assert.ok(
        [200, 400, 414].includes(res.statusCode),
        `q=${JSON.stringify(text.slice(0, 20))}: ${res.statusCode}`,
      )
      const page = await client.get(`/organisations/${encodeURIComponent(wellFormed(text))}`)
      assert.ok(
        [404, 400, 414].includes(page.statusCode),
        `id ${JSON.stringify(text.slice(0, 20))}: ${page.statusCode}`,
      )
    }
  })
})
