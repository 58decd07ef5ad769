import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { callApi, makeAccessToken } from '../../../test/helpers/api.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { notifications } from './notification.schema.ts'
import { notify } from './notify.ts'

interface NotificationJson {
  id: string
  kind: string
  text: string
  params: Record<string, string>
  link: string | null
  createdAt: string
  read: boolean
}
interface ListJson {
  items: NotificationJson[]
  next: string | null
  unreadCount: number
}

describe('notifications through the API', () => {
  let t: TestApp
  let territory: Territory
  const host = 'notifications.entraide.test'

  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services, { hostnames: [host] })
  })
  after(() => t.close())

  const tokenFor = (accountId: string, scopes: string[]) => makeAccessToken(t, territory, accountId, scopes)

  const call = (token: string, method: 'GET' | 'POST', url: string) =>
    callApi(t, { host, token }, method, url)

  const notifyOne = (accountId: string, title: string) =>
    t.db.db.transaction((tx) =>
      notify(t.app.services, tx, {
        territory,
        accountId,
        kind: 'match.response',
        params: { name: 'Zoé', title },
        link: '/annonces/exemple',
      }),
    )

  it('lists my notifications with the unread count, and marks them read, with « listings:read »', async () => {
    const account = await makeAccount(t, territory)
    const first = (await notifyOne(account.id, 'Courses'))!
    await notifyOne(account.id, '<b>Jardin</b>')
    const token = await tokenFor(account.id, ['listings:read'])

    const list = await call(token, 'GET', '/api/v1/notifications')
    assert.equal(list.statusCode, 200, list.body)
    const body = list.json() as ListJson
    assert.equal(body.unreadCount, 2)
    assert.equal(body.next, null)
    assert.equal(body.items.length, 2)
    assert.equal(body.items[0]!.text, 'Zoé a répondu à votre annonce « <b>Jardin</b> »')
    assert.deepEqual(body.items[0]!.params, { name: 'Zoé', title: '<b>Jardin</b>' })
    assert.equal(body.items[1]!.link, '/annonces/exemple')
    assert.equal(body.items[1]!.read, false)

    const read = await call(token, 'POST', `/api/v1/notifications/${first}/read`)
    assert.equal(read.statusCode, 200, read.body)
    assert.equal((read.json() as NotificationJson).read, true)
    assert.equal(((await call(token, 'GET', '/api/v1/notifications')).json() as ListJson).unreadCount, 1)

    const all = await call(token, 'POST', '/api/v1/notifications/read-all')
    assert.equal(all.statusCode, 200)
    assert.deepEqual(all.json(), { marked: 1, unreadCount: 0 })
    assert.equal(((await call(token, 'GET', '/api/v1/notifications')).json() as ListJson).unreadCount, 0)
  })

  it('refuses without the scope or without a caller, and finds nobody else’s notification', async () => {
    const owner = await makeAccount(t, territory)
    const stranger = await makeAccount(t, territory)
    const id = (await notifyOne(owner.id, 'À moi'))!
    const profileOnly = await tokenFor(owner.id, ['profile:read'])
    assert.equal((await call(profileOnly, 'GET', '/api/v1/notifications')).statusCode, 403)
    assert.equal((await call(profileOnly, 'POST', `/api/v1/notifications/${id}/read`)).statusCode, 403)
    const anonymous = await t.app.inject({ url: '/api/v1/notifications', headers: { host } })
    assert.equal(anonymous.statusCode, 401)
    assert.match(anonymous.headers['content-type'] as string, /application\/problem\+json/)

    const theirs = await tokenFor(stranger.id, ['listings:read'])
    const stolen = await call(theirs, 'POST', `/api/v1/notifications/${id}/read`)
    assert.equal(stolen.statusCode, 404)
    assert.equal((await call(theirs, 'POST', '/api/v1/notifications/pas-un-id/read')).statusCode, 404)
    await call(theirs, 'POST', '/api/v1/notifications/read-all')
    const [row] = await t.db.db.select().from(notifications).where(eq(notifications.id, id))
    assert.equal(row!.readAt, null, 'unchanged')
    assert.deepEqual(((await call(theirs, 'GET', '/api/v1/notifications')).json() as ListJson).items, [])
    assert.equal((await call(theirs, 'GET', '/api/v1/notifications?cursor=abc')).statusCode, 400)
  })

  it('works from the web session with its CSRF header, and is in the OpenAPI document', async () => {
    const account = await makeAccount(t, territory)
    await notifyOne(account.id, 'Session')
    const client = await new Client(t, host).signInDirectly(account)
    assert.equal(((await client.get('/api/v1/notifications')).json() as ListJson).unreadCount, 1)
    const refused = await client.request({ method: 'POST', url: '/api/v1/notifications/read-all' })
    assert.equal(refused.statusCode, 403)
    const done = await client.request({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: { 'x-csrf-token': client.csrfToken() },
    })
    assert.equal(done.statusCode, 200)

    const doc = (await t.app.inject({ url: '/api/openapi.json', headers: { host } })).json()
    for (const path of [
      '/api/v1/notifications',
      '/api/v1/notifications/{id}/read',
      '/api/v1/notifications/read-all',
    ]) {
      assert.ok(doc.paths[path], path)
    }
    assert.ok(doc.components.schemas.Notification)
  })
})
